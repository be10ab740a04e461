import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTaggedTsv } from '../../../src/core/read/tagged-tsv.js';
import { readInput } from '../../../src/node/read-input.js';
import { spacyJsonlWriter } from '../../../src/core/formats/ml/spacy-jsonl.js';
import type { Document } from '../../../src/core/model/types.js';
import { sample, sampleZips } from '../../helpers/samples.js';
import { richTokenDocument } from '../token/fixture.js';
import { jsonLines, text, writeWith } from './helpers.js';

interface Token { text: string; start: number; end: number; id: number; ws: boolean }
interface Span { start: number; end: number; token_start: number; token_end: number; label: string }

/** Python's str slicing: code points (the text split once per record). */
const slice = (points: string[], start: number, end: number) => points.slice(start, end).join('');

/** Every token document of the samples: the export ZIPs (all cabinets) and the token-per-line files. */
async function sampleTokenDocuments(): Promise<Document[]> {
  const docs: Document[] = [];
  for (const zip of await sampleZips()) {
    const { projects } = await readInput(zip);
    docs.push(...projects.flatMap((p) => p.documents).filter((d) => d.kinds.includes('TOKEN_BASED')));
  }
  for (const file of [sample('token-tsv', 'littleprince.tsv'), sample('token-tsv', 'sherlockholmes-dependency.tsv'), sample('datasets', 'ncbi-disease-iob.tsv')]) {
    docs.push(readTaggedTsv(readFileSync(file, 'utf8'), { file: basename(file) }));
  }
  return docs;
}

describe('SPACY_JSONL', () => {
  it('for every sample token document and each of its label sets, offsets slice the text to each span\'s tokens and each found token to its text', async () => {
    const docs = await sampleTokenDocuments();
    expect(docs.length).toBeGreaterThan(10);
    let spans = 0;
    const problems: string[] = [];
    for (const doc of docs) for (let labelSet = 0; labelSet < Math.max(1, doc.labelSets.length); labelSet++) {
      const { files, report } = await writeWith(spacyJsonlWriter, doc, { labelSet });
      const records = jsonLines(text(files, `${doc.name}.jsonl`));
      expect(records).toHaveLength(doc.rows.length);
      const notFound = new Set(report.all().filter((m) => m.kind === 'TokenNotInContent').map((m) => `${m.place?.row}:${m.place?.token}`));
      records.forEach((record, r) => {
        const content = Array.from(record.text as string);
        const tokens = record.tokens as Token[];
        const expectedTokens = doc.rows[r].cells[0]?.tokens ?? [];
        if (tokens.map((t) => t.text).join('\u0000') !== expectedTokens.join('\u0000')) problems.push(`${doc.name} row ${r}: tokens differ from the model's`);
        tokens.forEach((t, i) => {
          if (t.id !== i) problems.push(`${doc.name} row ${r} token ${i}: id ${t.id}`);
          if (!notFound.has(`${r}:${i}`) && slice(content, t.start, t.end) !== t.text) problems.push(`${doc.name} row ${r} token ${i}: [${t.start},${t.end}) is not "${t.text}"`);
        });
        for (const span of record.spans as Span[]) {
          spans++;
          const first = tokens[span.token_start];
          const last = tokens[span.token_end];
          if (span.start !== first.start || span.end !== last.end) problems.push(`${doc.name} row ${r}: span [${span.start},${span.end}) is not its tokens' [${first.start},${last.end})`);
          const words = tokens.slice(span.token_start, span.token_end + 1).filter((t) => !notFound.has(`${r}:${t.id}`));
          const sliced = slice(content, span.start, span.end);
          if (words.some((t) => !sliced.includes(t.text))) problems.push(`${doc.name} row ${r}: "${sliced}" does not hold its tokens`);
        }
      });
    }
    expect(problems).toEqual([]);
    expect(spans).toBeGreaterThan(1000);
  });

  it('the rich fixture: code-point offsets past combining marks and emoji, ws flags, one label set, every span written or reported', async () => {
    const doc = richTokenDocument();
    const { files, report } = await writeWith(spacyJsonlWriter, doc);
    const records = jsonLines(text(files, `${doc.name}.jsonl`));
    for (const record of records) {
      const content = Array.from(record.text as string);
      for (const t of record.tokens as Token[]) {
        expect(t.ws).toBe(/\s/.test(content[t.end] ?? ''));
      }
    }
    const written = records.reduce((n, r) => n + (r.spans as Span[]).length, 0);
    const leftOut = report.all().filter((m) => ['LabelSetNotSelected', 'OverlapDropped', 'RejectedLabelSkipped', 'ConflictLabelSkipped'].includes(m.kind)).length;
    const pieces = report.all().filter((m) => m.kind === 'SpanSplitAtRow').length;
    expect(written + leftOut).toBeGreaterThanOrEqual(doc.spans.length);
    expect(pieces === 0 ? written + leftOut : written + leftOut - pieces).toBeLessThanOrEqual(doc.spans.length + pieces);
    expect(report.all().some((m) => m.kind === 'OffsetUnit')).toBe(true);
  });
});
