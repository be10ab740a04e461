import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registeredFormats } from '../../src/core/formats/registry.js';
import { inputFormatNames } from '../../src/core/read/detect.js';
import { parseDocumentBytes } from '../../src/core/read/parse-document.js';
import { Report } from '../../src/core/report/report.js';
import { readInput } from '../../src/node/read-input.js';
import { runWriter } from '../property/run-writer.js';

/**
 * Content detection on our own outputs: every file a registered writer makes for the fixture
 * projects (token, row, document) is recognised as that format without --input-format, or, where
 * the layout cannot be told apart from another (a headerless classifier CSV of a few lines looks
 * like a table), the guess is reported naming the right format: never misread in silence.
 */
const FIXTURES = ['token-project.zip', 'row-project.zip', 'document-project.zip'].map((f) => path.resolve(__dirname, '../../fixtures', f));
// PLAIN and the PDF carry no labels; CUSTOM is whatever the user's transformer writes (no layout to read).
const NOT_READ = new Set(['PLAIN', 'SPAN_AND_ARROW_VISUALIZATION', 'CUSTOM']);
/**
 * Formats we write that carry labels but have no reader yet ("every format we write, we read" is
 * not met for these): the test fails when one gains a reader, so this list only shrinks.
 */
const NO_READER_YET = new Set(['YOLO']);
const dirOf = (name: string) => (name.includes('/') ? name.slice(0, name.lastIndexOf('/') + 1) : '');

/** The file with the labels: the JSONL of Vertex and of the Hugging Face datasets, the CSV of Comprehend (its text beside it). */
function labelsFile(writer: string, doc: { kinds: readonly string[] }, name: string): boolean {
  if (writer === 'GCP_VERTEX_AI_CSV' && doc.kinds.includes('TOKEN_BASED')) return name.endsWith('.jsonl');
  if (writer.startsWith('HF_')) return name.endsWith('/train.jsonl');
  if (writer === 'AMAZON_COMPREHEND_CSV') return !name.endsWith('.txt');
  return true;
}

describe('our outputs are detected as what they are', () => {
  for (const fixture of FIXTURES) {
    it(path.basename(fixture), { timeout: 120_000 }, async () => {
      const { projects } = await readInput(fixture, { cabinet: 'REVIEW' });
      let checked = 0;
      for (const doc of projects.flatMap((p) => p.documents)) {
        const plain = (await runWriter(registeredFormats().find((w) => w.name === 'PLAIN')!, doc)).files ?? [];
        for (const writer of registeredFormats()) {
          if (NOT_READ.has(writer.name) || !writer.kinds.some((k) => doc.kinds.includes(k))) continue;
          if (!inputFormatNames().includes(writer.name)) {
            expect(NO_READER_YET, `${writer.name} is written but has no reader`).toContain(writer.name);
            continue;
          }
          const run = await runWriter(writer, doc);
          const main = run.files?.find((f) => labelsFile(writer.name, doc, f.name));
          if (!main) continue;
          const companions = [...(run.files ?? []), ...plain];
          const report = new Report();
          // A companion is looked up beside the file, as on disk.
          const companion = (name: string) => companions.find((f) => f.name === name || f.name === dirOf(main.name) + name)?.text;
          const back = await parseDocumentBytes(main.bytes, { file: main.name, report, companion });
          const guessed = report.all().find((m) => m.kind === 'FormatGuessed');
          const where = `${writer.name} of ${doc.name}`;
          if (back.readAs?.format !== writer.name) {
            expect(guessed?.text, `${where}: read as ${back.readAs?.format} in silence`).toContain(writer.name);
          } else if (guessed) {
            expect(guessed.text, where).toContain(`read as ${writer.name}`);
          }
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(5);
    });
  }

  it('the formats written but not read yet are exactly the listed ones', () => {
    const labeled = registeredFormats().map((w) => w.name).filter((name) => !NOT_READ.has(name));
    expect(labeled.filter((name) => !inputFormatNames().includes(name)).sort()).toEqual([...NO_READER_YET].sort());
  });
});
