import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTaggedTsv } from '../../../src/core/read/tagged-tsv.js';
import { parseDocumentText } from '../../../src/core/read/parse-document.js';
import '../../../src/core/read/register-readers.js';
import { hfTokenClassificationWriter } from '../../../src/core/formats/ml/hf-token-classification.js';
import { spacyJsonlWriter } from '../../../src/core/formats/ml/spacy-jsonl.js';
import { conll2003Writer } from '../../../src/core/formats/ml/conll-2003.js';
import { tsvIobWriter } from '../../../src/core/formats/token/tsv-iob.js';
import { InputError } from '../../../src/core/errors.js';
import type { Document } from '../../../src/core/model/types.js';
import { sample } from '../../helpers/samples.js';
import { richTokenDocument } from '../token/fixture.js';
import { text, writeWith } from './helpers.js';

/** "Every format we write, we read": write → detect and read → compare, for the token ML formats. */
const spanKeys = (doc: Document) => doc.spans.map((s) => `${s.start.row}:${s.start.token}-${s.end.token}:${s.labelName}`).sort();
const tokens = (doc: Document) => doc.rows.map((r) => r.cells[0]?.tokens ?? []);

describe('the training-ready token formats read back', async () => {
  const source = readFileSync(sample('datasets', 'ncbi-disease-iob.tsv'), 'utf8');
  const ncbi = readTaggedTsv(source, { file: 'ncbi.tsv' });

  it('HF_TOKEN_CLASSIFICATION: detected from the JSONL, names from dataset_info.json beside it; written back as TSV_IOB it is the source file', async () => {
    const { files } = await writeWith(hfTokenClassificationWriter, ncbi);
    const info = text(files, 'ncbi.tsv/dataset_info.json');
    const doc = parseDocumentText(text(files, 'ncbi.tsv/train.jsonl'), { file: 'ncbi.tsv/train.jsonl', documentName: 'ncbi.tsv', companion: (name) => (name === 'dataset_info.json' ? info : undefined) });
    expect(doc.readAs?.format).toBe('HF_TOKEN_CLASSIFICATION');
    expect(tokens(doc)).toEqual(tokens(ncbi));
    expect(spanKeys(doc)).toEqual(spanKeys(ncbi));
    expect(text((await writeWith(tsvIobWriter, doc)).files, 'ncbi.tsv')).toBe(source);
  });

  it('HF_TOKEN_CLASSIFICATION without its dataset_info.json is an input error that says where the names are', async () => {
    const { files } = await writeWith(hfTokenClassificationWriter, ncbi);
    expect(() => parseDocumentText(text(files, 'ncbi.tsv/train.jsonl'), { file: 'train.jsonl' })).toThrow(InputError);
    expect(() => parseDocumentText(text(files, 'ncbi.tsv/train.jsonl'), { file: 'train.jsonl' })).toThrow(/dataset_info\.json/);
  });

  it('SPACY_JSONL: detected; texts, tokens and every written span come back (rich fixture and ncbi)', async () => {
    for (const original of [richTokenDocument(), ncbi]) {
      const { files } = await writeWith(spacyJsonlWriter, original);
      const written = text(files, `${original.name}.jsonl`);
      const doc = parseDocumentText(written, { file: `${original.name}.jsonl`, documentName: original.name });
      expect(doc.readAs?.format).toBe('SPACY_JSONL');
      expect(doc.rows.map((r) => r.cells[0].content)).toEqual(original.rows.map((r) => r.cells[0]?.content ?? ''));
      expect(tokens(doc)).toEqual(tokens(original));
      const expected = written.split('\n').filter(Boolean).flatMap((line, row) => (JSON.parse(line).spans as Array<{ token_start: number; token_end: number; label: string }>).map((s) => `${row}:${s.token_start}-${s.token_end}:${s.label}`));
      expect(spanKeys(doc)).toEqual(expected.sort());
      // Written again, the same bytes.
      expect(text((await writeWith(spacyJsonlWriter, doc)).files, `${original.name}.jsonl`)).toBe(written);
    }
  });

  it('CONLL_2003 (read by the CoNLL-2003 reader): our file of ncbi reads back to the same tokens and spans', async () => {
    const written = text((await writeWith(conll2003Writer, ncbi)).files, 'ncbi.tsv.conll');
    const doc = parseDocumentText(written, { file: 'ncbi.conll', documentName: 'ncbi.tsv' });
    expect(doc.readAs?.format).toBe('CONLL_2003');
    expect(tokens(doc)).toEqual(tokens(ncbi));
    const ner = doc.spans.filter((s) => s.layer === doc.labelSets.length - 1);
    expect(ner.map((s) => `${s.start.row}:${s.start.token}-${s.end.token}:${s.labelName}`).sort()).toEqual(spanKeys(ncbi));
  });
});
