import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '../../src/core/read/parse-document.js';
import { serializeDatasaurSchema } from '../../src/core/formats/schema/datasaur-schema.js';
import { serializeJsonAdvanced } from '../../src/core/formats/schema/json-advanced.js';
import { Report } from '../../src/core/report/report.js';
import { ruleOf } from '../../src/core/read/field-necessity.js';

/** Issue 11 item 1: the readers follow the field-necessity table (docs/formats.md). */
const TOKENS = ['Ada', 'wrote', 'notes'];
function schemaDoc(): Record<string, any> {
  return {
    version: '1',
    data: {
      project: { id: 'P', name: 'proj' },
      document: { id: 'D', name: 'doc.txt' },
      kinds: ['TOKEN_BASED'],
      rows: [[{ content: TOKENS.join(' '), tokens: TOKENS }]],
      labelSets: [{ id: 'ls', name: 'NER', labelItems: [{ id: 'per', labelName: 'PER' }] }],
      spanLabels: [
        { id: 's1', labelItem: { id: 'per' }, textPosition: { start: { row: 0, tokenIndex: 0, column: 0, charIndex: 0 }, end: { row: 0, tokenIndex: 0, column: 0, charIndex: 2 } }, layer: 0, counter: 0, status: 'ACCEPTED', labeledBy: 'REVIEWER' },
      ],
    },
  };
}
const read = (value: unknown, file = 'doc.txt.json') => {
  const report = new Report();
  const text = JSON.stringify(value);
  return { doc: parseDocumentText(text, { file, report }), report, text };
};
const defaulted = (report: Report) => report.all().filter((m) => m.kind === 'MissingFieldDefaulted');

describe('DATASAUR_SCHEMA: defaultable fields', () => {
  it('absent project, document, kinds and span ids/status/counter/layer: defaults used, one message per path, ids synthesized', () => {
    const value = schemaDoc();
    delete value.data.project;
    delete value.data.document;
    delete value.data.kinds;
    const span = value.data.spanLabels[0];
    for (const key of ['id', 'status', 'counter', 'layer', 'labeledBy']) delete span[key];
    value.data.spanLabels.push({ ...structuredClone(span), textPosition: { start: { row: 0, tokenIndex: 1 }, end: { row: 0, tokenIndex: 2 } } });
    const { doc, report, text } = read(value);
    expect(doc.project).toMatchObject({ id: 'unknown', name: 'doc.txt' });
    expect(doc).toMatchObject({ id: 'doc.txt', name: 'doc.txt', kinds: ['TOKEN_BASED'] });
    expect(doc.spans.map((s) => [s.id, s.status, s.counter, s.layer, s.labeledBy, s.end.char])).toEqual([
      ['auto:spanLabels[0]', 'LABELED', 0, 0, null, 2],
      ['auto:spanLabels[1]', 'LABELED', 0, 0, null, 4],
    ]);
    const messages = defaulted(report);
    for (const m of messages) expect(ruleOf('DATASAUR_SCHEMA', m.place!.jsonPath!)?.class, m.text).toBe('defaultable');
    expect(messages.find((m) => m.text.startsWith('$.data.spanLabels[].status'))).toMatchObject({ text: '$.data.spanLabels[].status absent or null (2 places, the first named here); LABELED assumed', place: { jsonPath: '$.data.spanLabels[0].status' } });
    expect(messages.map((m) => m.text.split(' ')[0]).sort()).toEqual([
      '$.data.document', '$.data.kinds', '$.data.project', '$.data.spanLabels[].counter', '$.data.spanLabels[].id', '$.data.spanLabels[].labeledBy',
      '$.data.spanLabels[].layer', '$.data.spanLabels[].status',
      '$.data.spanLabels[].textPosition.end.charIndex', '$.data.spanLabels[].textPosition.end.column',
      '$.data.spanLabels[].textPosition.start.charIndex', '$.data.spanLabels[].textPosition.start.column',
    ]);
    // Written back in its own format: absent stays absent (the positions are written whole).
    const back = JSON.parse(serializeDatasaurSchema(doc));
    expect(Object.keys(back.data)).toEqual(Object.keys(JSON.parse(text).data));
    expect(Object.keys(back.data.spanLabels[0])).toEqual(['labelItem', 'textPosition']);
  });

  it('null defaultable fields read as their default and are written back as null', () => {
    const value = schemaDoc();
    Object.assign(value.data.spanLabels[0], { status: null, counter: null, id: null });
    const { doc, report, text } = read(value);
    expect(doc.spans[0]).toMatchObject({ status: 'LABELED', counter: 0, id: 'auto:spanLabels[0]' });
    expect(defaulted(report)).toHaveLength(3);
    expect(serializeDatasaurSchema(doc)).toBe(text + '\n');
    // Another format gets the defaults.
    expect(serializeJsonAdvanced(doc)).toContain('"status":"LABELED"');
  });

  it('carried fields of another type are kept as they are, not an error', () => {
    const value = schemaDoc();
    value.data.labelerInfo = 'someone';
    value.data.comments = { not: 'a list' };
    value.data.labelSets[0].id = { weird: true };
    value.data.labelSets[0].labelItems[0].color = 7;
    Object.assign(value.data.spanLabels[0], { labeledByUserId: [1, 2], createdAt: 5 });
    const { doc, report, text } = read(value);
    expect(doc.labeler).toBeNull();
    expect(doc.comments).toEqual([]);
    expect(doc.labelSets[0].id).toBeUndefined();
    expect(doc.labelSets[0].items[0].color).toBeUndefined();
    expect(doc.spans[0]).toMatchObject({ labeledByUserId: undefined, createdAt: undefined, status: 'ACCEPTED' });
    expect(report.all()).toEqual([]);
    expect(serializeDatasaurSchema(doc)).toBe(text + '\n');
  });

  it('a needed field missing is an error naming file, path and expectation', () => {
    const value = schemaDoc();
    delete value.data.spanLabels[0].textPosition.start.tokenIndex;
    expect(() => read(value, 'bad.json')).toThrow(expect.objectContaining({ file: 'bad.json', where: '$.data.spanLabels[0].textPosition.start.tokenIndex', message: 'a required field is missing' }));
    const wrong = schemaDoc();
    wrong.data.spanLabels[0].status = 'MAYBE';
    expect(() => read(wrong)).toThrow(expect.objectContaining({ where: '$.data.spanLabels[0].status' }));
  });
});

describe('JSON_ADVANCED: defaultable fields', () => {
  const advanced = () => ({
    sentences: [{ id: 0, content: TOKENS.join(' '), tokens: TOKENS, labels: [], metadata: [{ key: 'speaker', value: 'a', pinned: true }] }],
    labelerInfo: null,
    labelSets: [{ index: 0, labelItems: [{ id: 'per', labelName: 'PER', parentId: null, color: null }] }],
    labels: [{ id: 'x', documentId: 'DOC', startCellLine: 0, startCellIndex: 0, startTokenIndex: 0, startCharIndex: 0, endCellLine: 0, endCellIndex: 0, endTokenIndex: 1, endCharIndex: 4, layer: 0, counter: 0, labeledBy: 'LABELER', type: 'SPAN', labelSetItemId: 'per', status: 'LABELED' }],
    comments: [],
  });

  it('a label without type, layer, char indexes and id; a sentence without content and id', () => {
    const value: Record<string, any> = advanced();
    for (const key of ['type', 'layer', 'startCharIndex', 'endCharIndex', 'id']) delete value.labels[0][key];
    delete value.sentences[0].content;
    delete value.sentences[0].id;
    // The short form of the spans: absent, it stays absent in the same format.
    delete value.sentences[0].labels;
    delete value.sentences[0].metadata[0].value;
    const { doc, report, text } = read(value, 'a.txt.json');
    expect(doc.rows[0].cells[0].content).toBe('Ada wrote notes');
    expect(doc.rows[0].metadata[0].value).toBeNull();
    expect(doc.spans[0]).toMatchObject({ id: 'auto:labels[0]', layer: 0, labelName: 'PER', start: { char: 0 }, end: { char: 4 } });
    const messages = defaulted(report);
    for (const m of messages) expect(ruleOf('JSON_ADVANCED', m.place!.jsonPath!)?.class, m.text).toBe('defaultable');
    expect(messages).toHaveLength(8);
    expect(serializeJsonAdvanced(doc)).toBe(text + '\n');
  });
});
