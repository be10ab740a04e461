import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTaggedTsv } from '../../../src/core/read/tagged-tsv.js';
import { hfTokenClassificationWriter } from '../../../src/core/formats/ml/hf-token-classification.js';
import { sample } from '../../helpers/samples.js';
import { bytes, jsonLines, readParquetWithDuckDb, text, writeWith } from './helpers.js';

const NCBI = sample('datasets', 'ncbi-disease-iob.tsv');

/** Sentences of the IOB2 file, straight from its lines (not through our reader): [token, tag][]. */
function sourceSentences(source: string): Array<Array<[string, string]>> {
  const sentences: Array<Array<[string, string]>> = [];
  let open: Array<[string, string]> = [];
  for (const line of source.split('\n')) {
    if (line === '') {
      if (open.length) sentences.push(open);
      open = [];
    } else {
      const [token, tag] = line.split('\t');
      open.push([token, tag]);
    }
  }
  return sentences;
}

describe('HF_TOKEN_CLASSIFICATION of ncbi-disease-iob.tsv', async () => {
  const source = readFileSync(NCBI, 'utf8');
  const doc = readTaggedTsv(source, { file: 'ncbi-disease-iob.tsv' });
  const { files, report } = await writeWith(hfTokenClassificationWriter, doc);
  const records = jsonLines(text(files, 'ncbi-disease-iob.tsv/train.jsonl'));
  const info = JSON.parse(text(files, 'ncbi-disease-iob.tsv/dataset_info.json'));

  it('writes a dataset folder: train.jsonl, train.parquet, dataset_info.json, and reports nothing', () => {
    expect([...files.keys()].sort()).toEqual(['ncbi-disease-iob.tsv/dataset_info.json', 'ncbi-disease-iob.tsv/train.jsonl', 'ncbi-disease-iob.tsv/train.parquet']);
    expect(report.all()).toEqual([]);
  });

  it('300 records whose ner_tags, mapped through the listed ClassLabel names, equal the source tags line for line', () => {
    const names: string[] = info.features.ner_tags.feature.names;
    const expected = sourceSentences(source);
    expect(records).toHaveLength(300);
    expect(expected).toHaveLength(300);
    records.forEach((record, i) => {
      expect(record.tokens).toEqual(expected[i].map(([token]) => token));
      expect((record.ner_tags as number[]).map((id) => names[id])).toEqual(expected[i].map(([, tag]) => tag));
    });
  });

  it('dataset_info.json has the datasets library layout: Value id, Sequence of Value tokens, Sequence of ClassLabel ner_tags (O, then B-/I- per type)', () => {
    const typesInFile = [...new Set(sourceSentences(source).flat().map(([, tag]) => tag).filter((t) => t !== 'O').map((t) => t.slice(2)))];
    expect(typesInFile.length).toBeGreaterThan(1);
    expect(info.features).toEqual({
      id: { dtype: 'string', _type: 'Value' },
      tokens: { feature: { dtype: 'string', _type: 'Value' }, _type: 'Sequence' },
      ner_tags: { feature: { names: ['O', ...typesInFile.flatMap((t) => [`B-${t}`, `I-${t}`])], _type: 'ClassLabel' }, _type: 'Sequence' },
    });
    expect(info.builder_name).toBe('json');
    expect(new Set(records.map((r) => r.id)).size).toBe(300);
  });

  it('the Parquet copy read back by DuckDB (an independent reader) equals the JSONL, with the features in its huggingface metadata', async () => {
    const parquet = await readParquetWithDuckDb(bytes(files, 'ncbi-disease-iob.tsv/train.parquet'));
    expect(parquet.rows).toEqual(records);
    expect(parquet.types).toEqual({ id: 'VARCHAR', tokens: 'VARCHAR[]', ner_tags: 'BIGINT[]' });
    expect(JSON.parse(parquet.metadata.huggingface)).toEqual({ info: { features: info.features } });
  });
});
