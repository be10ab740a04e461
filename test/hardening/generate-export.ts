import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ZipWriter } from '../../bench/generate/zip-writer.js';

const TEMPLATE = path.resolve(__dirname, '../../fixtures/token-project/REVIEW/curie.txt.json');

/**
 * An export ZIP of `count` small token documents (the fixture document under other names and ids),
 * REVIEW cabinet only: the many-documents input of the interrupt tests, built in the test's sandbox.
 */
export async function manyDocumentsZip(file: string, count: number): Promise<string> {
  const template = JSON.parse(await fs.readFile(TEMPLATE, 'utf8'));
  const zip = new ZipWriter(file);
  for (let i = 0; i < count; i++) {
    const name = `doc-${String(i).padStart(5, '0')}.txt`;
    template.data.document = { id: `doc-${i}`, name };
    zip.add(`Many-P1/REVIEW/${name}.json`, JSON.stringify(template));
  }
  zip.close();
  return file;
}
