/**
 * Large token documents for the memory tests, made from the fixture's DATASAUR_SCHEMA document by
 * repeating its sentences (each with a line number of its own), as chunks of text: a 600 MB
 * document is generated while it is deflated, never held.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/token-project/REVIEW/curie.txt.json');

/**
 * The chunks of a document named `name` whose text is about `bytes` long (a little more).
 * `repeat`: the same batch of rows again and again (their line numbers repeat), for a document that
 * is only to be refused for its size: 600 MB are made in seconds instead of a minute.
 */
export function* bigTokenDocument(name: string, bytes: number, options: { repeat?: boolean } = {}): Generator<string> {
  const value = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { data: { document: { id: string; name: string }; rows: { line: number }[][] } };
  const rows = value.data.rows;
  value.data.document = { id: `big-${name}`, name };
  value.data.rows = [];
  const [prefix, suffix] = JSON.stringify(value).split('"rows":[]');
  yield `${prefix}"rows":[`;
  let written = prefix.length;
  let line = 0;
  let last = '';
  while (written < bytes) {
    if (options.repeat && last) {
      written += last.length;
      yield last;
      continue;
    }
    const batch: string[] = [];
    for (let i = 0; i < 2000; i++) {
      for (const row of rows) batch.push(JSON.stringify(row.map((cell) => ({ ...cell, line })))), line++;
    }
    const text = `${line > rows.length * 2000 ? ',' : ''}${batch.join(',')}`;
    written += text.length;
    last = `,${batch.join(',')}`;
    yield text;
  }
  yield `]${suffix}`;
}
