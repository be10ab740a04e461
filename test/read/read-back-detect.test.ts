import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registeredFormats } from '../../src/core/formats/registry.js';
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
const NOT_READ = new Set(['PLAIN', 'SPAN_AND_ARROW_VISUALIZATION']);

describe('our outputs are detected as what they are', () => {
  for (const fixture of FIXTURES) {
    it(path.basename(fixture), { timeout: 120_000 }, async () => {
      const { projects } = await readInput(fixture, { cabinet: 'REVIEW' });
      let checked = 0;
      for (const doc of projects.flatMap((p) => p.documents)) {
        const plain = (await runWriter(registeredFormats().find((w) => w.name === 'PLAIN')!, doc)).files ?? [];
        for (const writer of registeredFormats()) {
          if (NOT_READ.has(writer.name) || !writer.kinds.some((k) => doc.kinds.includes(k))) continue;
          const run = await runWriter(writer, doc);
          // The file with the labels: the JSONL of Vertex, the CSV of Comprehend (its text beside it).
          const main = run.files?.find((f) => !(writer.name === 'GCP_VERTEX_AI_CSV' && doc.kinds.includes('TOKEN_BASED') && !f.name.endsWith('.jsonl')) && !(writer.name === 'AMAZON_COMPREHEND_CSV' && f.name.endsWith('.txt')));
          if (!main) continue;
          const companions = [...(run.files ?? []), ...plain];
          const report = new Report();
          const back = await parseDocumentBytes(main.bytes, { file: main.name, report, companion: (name) => companions.find((f) => f.name === name)?.text });
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
});
