import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { hfTextClassificationWriter } from '../../../src/core/formats/ml/hf-text-classification.js';
import { rowDocument } from '../../../src/core/model/build.js';
import { sample } from '../../helpers/samples.js';
import { mixedProject } from '../table/fixtures.js';
import { bytes, jsonLines, readParquetWithDuckDb, text, writeCombinedWith, writeWith } from './helpers.js';

const TOPICS = ['business', 'science', 'sports', 'world'];
const TOPIC = { id: 1, name: 'topic', label: 'Topic', type: 'DROPDOWN', config: { multiple: false, options: TOPICS.map((l, i) => ({ id: String(i), label: l })) } };

describe('HF_TEXT_CLASSIFICATION', () => {
  it('agnews-comprehend.csv as a row project: one record per row, label ids mapped through the names give the source labels; Parquet read by DuckDB equals the JSONL', async () => {
    const pairs = Papa.parse<string[]>(readFileSync(sample('datasets', 'agnews-comprehend.csv'), 'utf8'), { skipEmptyLines: true }).data;
    const doc = rowDocument({ name: 'agnews.csv', columns: ['text'], rows: pairs.map(([, body]) => [body]), rowQuestions: [TOPIC], rowAnswers: Object.fromEntries(pairs.map(([label], i) => [i, { '1': label }])) });
    const { files, report } = await writeWith(hfTextClassificationWriter, doc);
    const records = jsonLines(text(files, 'agnews.csv/train.jsonl'));
    const info = JSON.parse(text(files, 'agnews.csv/dataset_info.json'));
    expect(info.features).toEqual({ id: { dtype: 'string', _type: 'Value' }, text: { dtype: 'string', _type: 'Value' }, label: { names: TOPICS, _type: 'ClassLabel' } });
    expect(records).toHaveLength(pairs.length);
    records.forEach((r, i) => {
      if (r.text !== pairs[i][1] || TOPICS[r.label as number] !== pairs[i][0]) throw new Error(`record ${i} differs from the source`);
    });
    expect(report.all()).toEqual([]);
    const parquet = await readParquetWithDuckDb(bytes(files, 'agnews.csv/train.parquet'));
    expect(parquet.rows).toEqual(records);
    expect(parquet.types).toEqual({ id: 'VARCHAR', text: 'VARCHAR', label: 'BIGINT' });
  });

  it('a multi-label question gives `labels` (Sequence of ClassLabel); unlabeled rows and other answers are reported', async () => {
    const { files, report } = await writeWith(hfTextClassificationWriter, mixedProject());
    const records = jsonLines(text(files, 'reviews.csv/train.jsonl'));
    const info = JSON.parse(text(files, 'reviews.csv/dataset_info.json'));
    const names: string[] = info.features.labels.feature.names;
    expect(info.features.labels._type).toBe('Sequence');
    expect(records.map((r) => [r.id, r.text, (r.labels as number[]).map((id) => names[id])])).toEqual([
      ['reviews.csv#0', 'Great, "really" great', ['positive', 'enthusiastic']],
      ['reviews.csv#1', 'line one\nline two', ['neutral']],
      ['reviews.csv#3', "it's fine", ["ok, i'd say|meh"]],
      ['reviews.csv#4', 'très bien', ['positif à 100%']],
    ]);
    const kinds = report.all().map((m) => m.kind);
    expect(kinds).toContain('RowWithoutLabelSkipped');
    expect(kinds.filter((k) => k === 'AnswerNotRepresented').length).toBe(3);
  });

  it('--combine: one dataset for the cabinet, ids unique across documents, names shared', async () => {
    const a = mixedProject();
    const b = mixedProject();
    b.name = 'more.csv';
    const { files } = await writeCombinedWith(hfTextClassificationWriter, [a, b]);
    const folder = a.project.folder;
    const records = jsonLines(text(files, `${folder}/train.jsonl`));
    expect(records).toHaveLength(8);
    expect(new Set(records.map((r) => r.id)).size).toBe(8);
  });
});
