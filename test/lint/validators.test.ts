import { describe, expect, it } from 'vitest';
import { hasErrors, lintAzureConll, lintComprehendCsv, lintVertexImportCsv, lintVertexJsonl } from '../../src/core/formats/validate/index.js';
import { richTokenDocument, smallTokenDocument } from '../formats/token/fixture.js';
import { write, writeCombined } from '../formats/token/writers.js';

const rules = (result: { issues: Array<{ rule: string }> }) => result.issues.map((i) => i.rule);

describe('Azure CoNLL validator', () => {
  it('accepts a well-formed file and counts it', () => {
    const result = lintAzureConll('Ada B-PER\nLovelace I-PER\n\nHi O\n\n');
    expect(result.issues).toEqual([]);
    expect(result.counts).toEqual({ sentences: 2, tokens: 3, entities: 1 });
  });
  it.each([
    ['two spaces', 'Ada  B-PER\n\n', 'azure/one-space'],
    ['a tab', 'Ada\tB-PER\n\n', 'azure/one-space'],
    ['trailing space', 'Ada B-PER \n\n', 'azure/one-space'],
    ['bad prefix', 'Ada S-PER\n\n', 'azure/label-prefix'],
    ['lower-case o', 'Ada o\n\n', 'azure/label-prefix'],
    ['two empty lines', 'Ada O\n\n\nBob O\n\n', 'azure/one-empty-line'],
    ['no final empty line', 'Ada O\n', 'azure/final-empty-line'],
    ['no final newline', 'Ada O', 'azure/final-newline'],
    ['leading empty line', '\nAda O\n\n', 'azure/leading-empty-line'],
    ['empty file', '', 'azure/empty'],
  ])('refuses %s', (_, text, rule) => {
    const result = lintAzureConll(text);
    expect(rules(result)).toContain(rule);
    expect(hasErrors(result)).toBe(true);
  });
  it('warns (only) on IOB1-style I- after O', () => {
    const result = lintAzureConll('Ada I-PER\n\n');
    expect(result.issues.map((i) => [i.rule, i.severity])).toEqual([['azure/iob2', 'warning']]);
  });
});

describe('Comprehend annotation validator', () => {
  const header = 'File,Line,Begin Offset,End Offset,Type\r\n';
  it('accepts a well-formed file and checks offsets against the document when given', () => {
    const csv = header + 'a.txt,0,0,3,PER\r\na.txt,1,4,9,LOC_X\r\n';
    expect(lintComprehendCsv(csv).issues).toEqual([]);
    expect(lintComprehendCsv(csv, { texts: new Map([['a.txt', 'Ada\nIn London\n']]) }).issues).toEqual([]);
    expect(rules(lintComprehendCsv(csv, { texts: new Map([['a.txt', 'Ada\nIn\n']]) }))).toEqual(['comprehend/offset-range']);
  });
  it.each([
    ['a wrong header', 'File,Line,Begin,End,Type\r\n', 'comprehend/header'],
    ['a lower-case type', header + 'a.txt,0,0,3,Per\r\n', 'comprehend/type-name'],
    ['a type with a space', header + 'a.txt,0,0,3,"A B"\r\n', 'comprehend/type-name'],
    ['begin not before end', header + 'a.txt,0,3,3,PER\r\n', 'comprehend/empty-span'],
    ['a negative offset', header + 'a.txt,0,-1,3,PER\r\n', 'comprehend/integers'],
    ['a missing column', header + 'a.txt,0,0,3\r\n', 'comprehend/columns'],
    ['overlapping annotations', header + 'a.txt,0,0,5,PER\r\na.txt,0,3,8,LOC\r\n', 'comprehend/overlap'],
  ])('refuses %s', (_, text, rule) => {
    expect(rules(lintComprehendCsv(text))).toContain(rule);
  });
  it('allows the same offsets on different lines or files', () => {
    expect(lintComprehendCsv(header + 'a.txt,0,0,5,PER\r\na.txt,1,0,5,PER\r\nb.txt,0,0,5,PER\r\n').issues).toEqual([]);
  });
  it('refuses more than 25 types', () => {
    const lines = Array.from({ length: 26 }, (_, i) => `a.txt,${i},0,1,T${i}\r\n`).join('');
    expect(rules(lintComprehendCsv(header + lines))).toEqual(['comprehend/type-count']);
  });
});

describe('Vertex validators', () => {
  const doc = (annotations: unknown[], text = 'Ada Lovelace wrote notes') => JSON.stringify({ textContent: text, textSegmentAnnotations: annotations });
  it('accepts a well-formed JSONL and import CSV', () => {
    expect(lintVertexJsonl(doc([{ startOffset: 0, endOffset: 12, displayName: 'PER' }]) + '\n').issues).toEqual([]);
    expect(lintVertexImportCsv('training,gs://bucket/dir/a.jsonl\r\ngs://bucket/b.jsonl\r\n').issues).toEqual([]);
  });
  it.each([
    ['not JSON', '{', 'vertex/json'],
    ['an end past the text', doc([{ startOffset: 0, endOffset: 99, displayName: 'PER' }]), 'vertex/offsets'],
    ['start not before end', doc([{ startOffset: 3, endOffset: 3, displayName: 'PER' }]), 'vertex/offsets'],
    ['a label with a space', doc([{ startOffset: 0, endOffset: 3, displayName: 'A B' }]), 'vertex/label-name'],
    ['a one-character label', doc([{ startOffset: 0, endOffset: 3, displayName: 'A' }]), 'vertex/label-length'],
    ['no textContent', JSON.stringify({ textSegmentAnnotations: [] }), 'vertex/text'],
  ])('refuses %s', (_, line, rule) => {
    expect(rules(lintVertexJsonl(line + '\n'))).toContain(rule);
  });
  it('counts offsets in the chosen unit', () => {
    const line = doc([{ startOffset: 0, endOffset: 3, displayName: 'EMOJI' }], '🧮🧮 and more text');
    expect(lintVertexJsonl(line, { unit: 'codepoint' }).issues).toEqual([]);
    expect(lintVertexJsonl(doc([{ startOffset: 0, endOffset: 18, displayName: 'EMOJI' }], '🧮🧮 and more text'), { unit: 'codepoint' }).issues.map((i) => i.rule)).toEqual(['vertex/offsets']);
    expect(lintVertexJsonl(doc([{ startOffset: 0, endOffset: 18, displayName: 'EMOJI' }], '🧮🧮 and more text'), { unit: 'utf16' }).issues).toEqual([]);
  });
  it.each([
    ['a bad ml_use', 'train,gs://b/a.jsonl\n', 'vertex/ml-use'],
    ['a local path', 'a.jsonl\n', 'vertex/gcs-uri'],
    ['three fields', 'training,gs://b/a.jsonl,x\n', 'vertex/import-columns'],
  ])('import CSV: refuses %s', (_, text, rule) => {
    expect(rules(lintVertexImportCsv(text))).toContain(rule);
  });
});

describe('our cloud outputs pass the validators (rich fixture, every policy, combined)', () => {
  for (const overlap of ['first', 'longest', 'columns', 'error'] as const) {
    it(`--overlap ${overlap}`, async () => {
      const azure = await write('AZURE_AUTOML_CSV', richTokenDocument(), { overlap });
      expect(lintAzureConll(azure.files[0].text).issues).toEqual([]);
      const comprehend = await write('AMAZON_COMPREHEND_CSV', richTokenDocument(), { overlap });
      const texts = new Map([[comprehend.files[1].name, comprehend.files[1].text]]);
      expect(lintComprehendCsv(comprehend.files[0].text, { texts }).issues).toEqual([]);
      for (const offsets of ['codepoint', 'utf16', 'grapheme'] as const) {
        const vertex = await write('GCP_VERTEX_AI_CSV', richTokenDocument(), { overlap, offsets, mlUse: 'test' });
        expect(lintVertexJsonl(vertex.files[0].text, { unit: offsets }).issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(lintVertexImportCsv(vertex.files[1].text).issues).toEqual([]);
      }
    });
  }
  it('--combine', async () => {
    const docs = [richTokenDocument(), smallTokenDocument()];
    expect(lintAzureConll((await writeCombined('AZURE_AUTOML_CSV', docs)).files[0].text).issues).toEqual([]);
    expect(lintComprehendCsv((await writeCombined('AMAZON_COMPREHEND_CSV', docs)).files[0].text).issues).toEqual([]);
    const vertex = await writeCombined('GCP_VERTEX_AI_CSV', docs);
    expect(lintVertexJsonl(vertex.files[0].text).counts.documents).toBe(2);
    expect(lintVertexImportCsv(vertex.files[1].text).issues).toEqual([]);
  });
});

describe('lint tells the layout from the file', () => {
  it('detects entity, classifier and import files for each target', async () => {
    const { detectLayout } = await import('../../src/core/formats/validate/index.js');
    expect(detectLayout('a.csv', 'File,Line,Begin Offset,End Offset,Type\r\n', 'comprehend')).toBe('entities');
    expect(detectLayout('a.csv', 'World,some text\n', 'comprehend')).toBe('classifier');
    expect(detectLayout('a.csv', "text,labels\r\nhi,['a']\r\n", 'azure')).toBe('classifier');
    expect(detectLayout('a.conll', 'Ada B-PER\n\n', 'azure')).toBe('entities');
    expect(detectLayout('a.jsonl', '{"textContent":""}\n', 'vertex')).toBe('entities');
    expect(detectLayout('a.csv', 'training,gs://b/x.jsonl\r\n', 'vertex')).toBe('import-csv');
    expect(detectLayout('a.csv', '"some text",World\r\n', 'vertex')).toBe('classifier');
  });
});
