import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderReportText } from '../../../src/core/report/render.js';
import type { ConvertOptions } from '../../../src/core/formats/options.js';
import type { FormatWriter } from '../../../src/core/formats/types.js';
import type { Document } from '../../../src/core/model/types.js';
import { parseDocumentText } from '../../../src/core/read/parse-document.js';
import { hfTokenClassificationWriter } from '../../../src/core/formats/ml/hf-token-classification.js';
import { hfTextClassificationWriter } from '../../../src/core/formats/ml/hf-text-classification.js';
import { spacyJsonlWriter } from '../../../src/core/formats/ml/spacy-jsonl.js';
import { conll2003Writer } from '../../../src/core/formats/ml/conll-2003.js';
import { cocoWriter } from '../../../src/core/formats/ml/coco.js';
import { yoloWriter } from '../../../src/core/formats/ml/yolo.js';
import { richTokenDocument } from '../token/fixture.js';
import { mixedProject } from '../table/fixtures.js';
import { writeWith } from './helpers.js';

/**
 * Golden files of the training-ready formats: the rich token fixture (HF token classification,
 * spaCy, CoNLL-2003, under several options), the mixed row project (HF text classification) and
 * the bounding-box fixture's REVIEW copy (COCO, YOLO), each with its text report. Parquet files are
 * checked by reading them back (hf-*.test.ts), not byte for byte: the writer library may change
 * its encoding. `UPDATE_GOLDEN=1 npx vitest run test/formats/ml` rewrites them; review the diff.
 */
const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const update = process.env.UPDATE_GOLDEN === '1';
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures');

function bboxFixture(): Document {
  const file = join(FIXTURES, 'bbox-project/REVIEW/street.png.json');
  return parseDocumentText(readFileSync(file, 'utf8'), { file, documentName: 'street.png', cabinet: { role: 'REVIEW', folder: 'REVIEW' } });
}

const cases: Array<{ writer: FormatWriter; variant: string; doc: () => Document; options?: Partial<ConvertOptions> }> = [
  { writer: hfTokenClassificationWriter, variant: 'default', doc: richTokenDocument },
  { writer: hfTokenClassificationWriter, variant: 'BILOU-label-set-1-longest', doc: richTokenDocument, options: { scheme: 'BILOU', labelSet: 1, overlap: 'longest' } },
  { writer: spacyJsonlWriter, variant: 'default', doc: richTokenDocument },
  { writer: spacyJsonlWriter, variant: 'utf16-include-conflicts', doc: richTokenDocument, options: { offsets: 'utf16', includeConflicts: true } },
  { writer: conll2003Writer, variant: 'default', doc: richTokenDocument },
  { writer: conll2003Writer, variant: 'IOB1-tag-space', doc: richTokenDocument, options: { scheme: 'IOB1', tagSpace: '_' } },
  { writer: hfTextClassificationWriter, variant: 'default', doc: mixedProject },
  { writer: cocoWriter, variant: 'default', doc: bboxFixture },
  { writer: yoloWriter, variant: 'default', doc: bboxFixture },
];

describe('training-ready formats: golden files', () => {
  for (const { writer, variant, doc, options } of cases) {
    it(`${writer.name} ${variant}`, async () => {
      const { files, report } = await writeWith(writer, doc(), options);
      const produced = new Map<string, string>();
      for (const [name, content] of files) {
        if (name.endsWith('.parquet')) continue;
        produced.set(name.replaceAll('/', '__'), typeof content === 'string' ? content : new TextDecoder().decode(content as Uint8Array));
      }
      produced.set('report.txt', renderReportText(report.messages));
      const dir = join(GOLDEN, writer.name, variant);
      if (update) {
        mkdirSync(dir, { recursive: true });
        for (const [name, text] of produced) writeFileSync(join(dir, name), text);
      }
      expect(existsSync(dir), `golden folder ${dir} (run with UPDATE_GOLDEN=1 once)`).toBe(true);
      expect(readdirSync(dir).sort()).toEqual([...produced.keys()].sort());
      for (const [name, text] of produced) expect(text, `${writer.name}/${variant}/${name}`).toBe(readFileSync(join(dir, name), 'utf8'));
    });
  }
});
