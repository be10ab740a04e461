import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocumentText } from '../../src/core/read/parse-document.js';
import { classifierExamples } from '../../src/core/formats/table/classifier.js';
import { InputError } from '../../src/core/errors.js';
import { Report } from '../../src/core/report/report.js';
import { sample } from '../helpers/samples.js';
import { cli } from '../helpers/cli.js';

/** Every file under a folder, by path. */
const filesUnder = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));

/**
 * "Every format we write, we read" for HF_TEXT_CLASSIFICATION: train.jsonl read with the class
 * names of the dataset_info.json beside it (the write → read → compare property over the row
 * arbitraries is in test/property/read-back-rows.test.ts).
 */
describe('HF_TEXT_CLASSIFICATION reads back', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'hf-text-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('the agnews Comprehend classifier file → HF_TEXT_CLASSIFICATION → AMAZON_COMPREHEND_CSV gives the same bytes; the JSONL is detected by its content', { timeout: 120_000 }, async () => {
    const source = sample('datasets', 'agnews-comprehend.csv');
    expect((await cli('convert', source, '--to', 'HF_TEXT_CLASSIFICATION', '--out', path.join(out, 'hf'))).code).toBe(0);
    const jsonl = filesUnder(path.join(out, 'hf')).find((f) => f.endsWith('train.jsonl'))!;
    const inspected = await cli('inspect', jsonl);
    expect(inspected.stdout).toContain('as HF_TEXT_CLASSIFICATION (classifier)');
    expect((await cli('convert', jsonl, '--to', 'AMAZON_COMPREHEND_CSV', '--out', path.join(out, 'back'))).code).toBe(0);
    const [csv] = filesUnder(path.join(out, 'back')).filter((f) => f.endsWith('.csv'));
    expect(readFileSync(csv, 'utf8')).toBe(readFileSync(source, 'utf8'));
  });

  it('several labels per record (`labels`), class names in id order as the question\'s options', () => {
    const info = JSON.stringify({ features: { id: { dtype: 'string', _type: 'Value' }, text: { dtype: 'string', _type: 'Value' }, labels: { feature: { names: ['sports', 'world', 'tech'], _type: 'ClassLabel' }, _type: 'Sequence' } } });
    const text = '{"id":"a#0","text":"Match report","labels":[0]}\n{"id":"a#1","text":"Chips abroad","labels":[2,1]}\n{"id":"a#2","text":"Nothing","labels":[]}\n';
    const report = new Report();
    const doc = parseDocumentText(text, { file: 'd/train.jsonl', report, companion: (name) => (name === 'dataset_info.json' ? info : undefined) });
    expect(doc.readAs?.format).toBe('HF_TEXT_CLASSIFICATION');
    expect(doc.rowQuestions[0].config).toMatchObject({ multiple: true, options: [{ label: 'sports' }, { label: 'world' }, { label: 'tech' }] });
    expect(classifierExamples(doc, {}, new Report())?.map((e) => [e.text, e.labels])).toEqual([['Match report', ['sports']], ['Chips abroad', ['tech', 'world']]]);
    expect(report.all().filter((m) => m.kind === 'MissingFieldDefaulted').map((m) => m.place?.jsonPath)).toEqual(expect.arrayContaining(['document.id', 'rowQuestions', 'columns']));
  });

  it('without its dataset_info.json, or with an id it does not name: an input error that says where the names are', () => {
    const text = '{"id":"a#0","text":"Match report","label":3}\n';
    expect(() => parseDocumentText(text, { file: 'train.jsonl' })).toThrow(/dataset_info\.json beside the JSONL/);
    const info = JSON.stringify({ features: { label: { names: ['a', 'b'], _type: 'ClassLabel' } } });
    let error: unknown;
    try {
      parseDocumentText(text, { file: 'train.jsonl', companion: () => info });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ code: 'POSITION_OUT_OF_RANGE', where: 'line 1' });
  });
});
