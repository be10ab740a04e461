import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '../../src/core/read/index.js';
import { Report } from '../../src/core/report/report.js';
import { serializeDatasaurSchema } from '../../src/core/formats/schema/datasaur-schema.js';
import { serializeJsonAdvanced } from '../../src/core/formats/schema/json-advanced.js';

/**
 * The readers make an object's JSON path only when a message names it (issue 15: building it for
 * every cell, span and label item was a seventh of what loading a small document allocated). These
 * documents have unknown keys, known keys and absent defaultable fields at every level, after
 * objects without any, so each message must still name the right place.
 */
const messages = (text: string) => {
  const report = new Report();
  const doc = parseDocumentText(text, { file: 'f.json', report });
  return { doc, said: report.all().map((m) => `${m.kind} ${m.place?.jsonPath} ${m.text}`) };
};

const position = (row: number, tokenIndex: number, extra: object = {}) => ({ row, tokenIndex, column: 0, charIndex: 0, ...extra });
const span = (id: string, row: number, extra: object = {}) => ({
  id,
  labelItem: { id: '1', labelName: 'A' },
  textPosition: { start: position(row, 0), end: position(row, 0) },
  layer: 0,
  counter: 0,
  status: 'LABELED',
  labeledBy: 'LABELER',
  ...extra,
});

function tokenDocument(): string {
  return JSON.stringify({
    version: '1',
    data: {
      project: { id: 'p', name: 'P', projectExtra: 1 },
      document: { id: 'd', name: 'd.txt', documentExtra: 2 },
      kinds: ['TOKEN_BASED'],
      labelerInfo: { id: 1, email: 'a@b', displayName: 'A', userExtra: 3 },
      rows: [
        [{ content: 'a b', tokens: ['a', 'b'], line: 0, index: 0 }],
        [{ content: 'c', tokens: ['c'], line: 1, index: 0, cellExtra: 4 }],
        [{ content: 'd', tokens: ['d'], line: 2, index: 0, metadata: [{ key: 'k', value: 'v' }, { key: 'k2', value: 1, metaExtra: 5 }] }],
        [{ tokens: ['e', 'f'], line: 3 }],
      ],
      labelSets: [
        { id: '1', name: 'S', index: 0, labelItems: [{ id: '1', labelName: 'A' }, { id: '2', labelName: 'B', itemExtra: 6 }] },
        { id: '2', name: 'T', index: 1, setExtra: 7, labelItems: [{ id: '1', labelName: 'A' }, {}, { id: '3', itemExtra: 8 }] },
      ],
      spanLabels: [
        span('s0', 0),
        span('s1', 1, { hashCode: 'h', spanExtra: 9 }),
        span('s2', 2, { textPosition: { start: position(2, 0, { positionExtra: 10 }), end: position(2, 0) } }),
        span('s3', 3, { labelItem: { id: '1', labelName: 'A', itemRefExtra: 11 }, status: undefined, counter: null }),
      ],
      arrowLabels: [{ id: 'a0', originId: 's0', destinationId: 's1', labelItem: null, layer: 0, arrowExtra: 12 }],
      dataExtra: 13,
    },
    envelopeExtra: 14,
  });
}

function boxDocument(): string {
  return JSON.stringify({
    version: '1',
    data: {
      project: { id: 'p', name: 'P' },
      document: { id: 'd', name: 'd.png' },
      kinds: ['BBOX_BASED'],
      pages: [{ pageIndex: 0, pageHeight: 10, pageWidth: 10 }, { pageHeight: 10, pageWidth: 10, pageExtra: 1 }],
      bboxLabelSets: [
        {
          id: 'b',
          name: 'B',
          autoLabelProvider: 'x',
          classes: [
            { id: 'c0', name: 'C0', color: '#000', captionAllowed: true },
            { id: 'c1', name: 'C1', classExtra: 2, questions: [{ id: 0, label: 'Q', type: 'TEXT', questionExtra: 3 }] },
          ],
        },
      ],
      bboxLabels: [
        { id: 'x0', bboxLabelClassId: 'c0', shapes: [{ pageIndex: 0, points: [{ x: 0, y: 0 }, { x: 1, y: 1 }] }] },
        { id: 'x1', bboxLabelClassId: 'c1', boxExtra: 4, shapes: [{ pageIndex: 0, points: [{ x: 0, y: 0 }] }, { points: [{ x: 1, y: 1 }, { x: 2, y: 2, pointExtra: 5 }], shapeExtra: 6 }] },
      ],
    },
  });
}

function advancedDocument(): string {
  return JSON.stringify({
    sentences: [
      { id: 0, content: 'a b', tokens: ['a', 'b'] },
      { id: 1, content: 'c', tokens: ['c'], sentenceExtra: 1, metadata: [{ key: 'k', value: 'v', metaExtra: 2 }] },
    ],
    labelSets: [
      { index: 0, labelItems: [{ id: '1', labelName: 'A' }] },
      { index: 1, setExtra: 3, labelItems: [{ id: '1', labelName: 'A' }, { labelName: 'B', itemExtra: 4 }, { id: '3' }] },
    ],
    labels: [
      { id: 's0', type: 'SPAN', layer: 0, counter: 0, labelSetItemId: '1', startCellLine: 0, startCellIndex: 0, startTokenIndex: 0, startCharIndex: 0, endCellLine: 0, endCellIndex: 0, endTokenIndex: 0, endCharIndex: 0 },
      { id: 's1', type: 'SPAN', layer: 1, counter: 0, labelSetItemId: '1', startCellLine: 1, startCellIndex: 0, startTokenIndex: 0, startCharIndex: 0, endCellLine: 1, endCellIndex: 0, endTokenIndex: 0, endCharIndex: 0, labelExtra: 5 },
    ],
    topExtra: 6,
  });
}

/** Every unknown key of the input (`…Extra`) is written back by the same format. */
function keptKeys(written: string, text: string): void {
  const extras = (t: string) => [...t.matchAll(/"(\w+Extra)"/g)].map((m) => m[1]).sort();
  expect(extras(written)).toEqual(extras(text));
}

describe('messages name their places (paths made only for a message)', () => {
  it('DATASAUR_SCHEMA token document: unknown keys and defaults at every level', () => {
    const text = tokenDocument();
    const { doc, said } = messages(text);
    expect(said).toEqual(EXPECTED_TOKEN);
    keptKeys(serializeDatasaurSchema(doc), text);
  });

  it('DATASAUR_SCHEMA bounding-box document', () => {
    const text = boxDocument();
    const { doc, said } = messages(text);
    expect(said).toEqual(EXPECTED_BOX);
    keptKeys(serializeDatasaurSchema(doc), text);
  });

  it('JSON_ADVANCED document: label sets and items', () => {
    const text = advancedDocument();
    const { doc, said } = messages(text);
    expect(said).toEqual(EXPECTED_ADVANCED);
    keptKeys(serializeJsonAdvanced(doc), text);
  });
});

// What the readers said before paths were made lazily (main at a80c29f).
const EXPECTED_TOKEN = [
  'UnknownField $.envelopeExtra unknown key "envelopeExtra" kept as it is (first seen at $.envelopeExtra)',
  'UnknownField $.data.dataExtra unknown key "dataExtra" kept as it is (first seen at $.data.dataExtra)',
  'UnknownField $.data.labelSets[0].labelItems[1].itemExtra unknown key "itemExtra" kept as it is (first seen at $.data.labelSets[0].labelItems[1].itemExtra)',
  'UnknownField $.data.labelSets[1].setExtra unknown key "setExtra" kept as it is (first seen at $.data.labelSets[1].setExtra)',
  'UnknownField $.data.rows[1][0].cellExtra unknown key "cellExtra" kept as it is (first seen at $.data.rows[1][0].cellExtra)',
  'UnknownField $.data.rows[2][0].metadata[1].metaExtra unknown key "metaExtra" kept as it is (first seen at $.data.rows[2][0].metadata[1].metaExtra)',
  'UnknownField $.data.spanLabels[1].spanExtra unknown key "spanExtra" kept as it is (first seen at $.data.spanLabels[1].spanExtra)',
  'UnknownField $.data.spanLabels[2].textPosition.start.positionExtra unknown key "positionExtra" kept as it is (first seen at $.data.spanLabels[2].textPosition.start.positionExtra)',
  'UnknownField $.data.spanLabels[3].labelItem.itemRefExtra unknown key "itemRefExtra" kept as it is (first seen at $.data.spanLabels[3].labelItem.itemRefExtra)',
  'UnknownField $.data.arrowLabels[0].arrowExtra unknown key "arrowExtra" kept as it is (first seen at $.data.arrowLabels[0].arrowExtra)',
  'UnknownField $.data.project.projectExtra unknown key "projectExtra" kept as it is (first seen at $.data.project.projectExtra)',
  'UnknownField $.data.document.documentExtra unknown key "documentExtra" kept as it is (first seen at $.data.document.documentExtra)',
  'UnknownField $.data.labelerInfo.userExtra unknown key "userExtra" kept as it is (first seen at $.data.labelerInfo.userExtra)',
  'MissingFieldDefaulted $.data.labelSets[1].labelItems[1].id $.data.labelSets[].labelItems[].id absent or null (1 place); an id was synthesized from its place (auto:…)',
  'MissingFieldDefaulted $.data.labelSets[1].labelItems[1].labelName $.data.labelSets[].labelItems[].labelName absent or null (2 places, the first named here); the item id is its name',
  'MissingFieldDefaulted $.data.rows[3][0].content $.data.rows[][].content absent or null (1 place); the tokens joined by single spaces',
  'MissingFieldDefaulted $.data.spanLabels[3].counter $.data.spanLabels[].counter absent or null (1 place); counter 0',
  'MissingFieldDefaulted $.data.spanLabels[3].status $.data.spanLabels[].status absent or null (1 place); LABELED assumed',
  'MissingFieldDefaulted $.data.arrowLabels[0].status $.data.arrowLabels[].status absent or null (1 place); LABELED assumed',
  'MissingFieldDefaulted $.data.arrowLabels[0].labeledBy $.data.arrowLabels[].labeledBy absent or null (1 place); who made the label is not known (null)',
];
const EXPECTED_BOX = [
  'UnknownField $.data.pages[1].pageExtra unknown key "pageExtra" kept as it is (first seen at $.data.pages[1].pageExtra)',
  'UnknownField $.data.bboxLabelSets[0].classes[1].classExtra unknown key "classExtra" kept as it is (first seen at $.data.bboxLabelSets[0].classes[1].classExtra)',
  'UnknownField $.data.bboxLabelSets[0].classes[1].questions[0].questionExtra unknown key "questionExtra" kept as it is (first seen at $.data.bboxLabelSets[0].classes[1].questions[0].questionExtra)',
  'UnknownField $.data.bboxLabels[1].boxExtra unknown key "boxExtra" kept as it is (first seen at $.data.bboxLabels[1].boxExtra)',
  'UnknownField $.data.bboxLabels[1].shapes[1].shapeExtra unknown key "shapeExtra" kept as it is (first seen at $.data.bboxLabels[1].shapes[1].shapeExtra)',
  'UnknownField $.data.bboxLabels[1].shapes[1].points[1].pointExtra unknown key "pointExtra" kept as it is (first seen at $.data.bboxLabels[1].shapes[1].points[1].pointExtra)',
  'MissingFieldDefaulted $.data.pages[1].pageIndex $.data.pages[].pageIndex absent or null (1 place); its position (1)',
  'MissingFieldDefaulted $.data.bboxLabelSets[0].classes[1].questions[0].required $.data.bboxLabelSets[].classes[].questions[].required absent or null (1 place); not required',
  'MissingFieldDefaulted $.data.bboxLabelSets[0].classes[1].questions[0].config $.data.bboxLabelSets[].classes[].questions[].config absent or null (1 place); no configuration ({})',
  'MissingFieldDefaulted $.data.bboxLabels[0].bboxLabelClassName $.data.bboxLabels[].bboxLabelClassName absent or null (2 places, the first named here); the name of its class in bboxLabelSets (else the class id)',
  'MissingFieldDefaulted $.data.bboxLabels[0].status $.data.bboxLabels[].status absent or null (2 places, the first named here); LABELED assumed',
  'MissingFieldDefaulted $.data.bboxLabels[0].labeledBy $.data.bboxLabels[].labeledBy absent or null (2 places, the first named here); who made the label is not known (null)',
  'MissingFieldDefaulted $.data.bboxLabels[1].shapes[1].pageIndex $.data.bboxLabels[].shapes[].pageIndex absent or null (1 place); page 0',
];
const EXPECTED_ADVANCED = [
  'UnknownField $.topExtra unknown key "topExtra" kept as it is (first seen at $.topExtra)',
  'UnknownField $.labelSets[1].setExtra unknown key "setExtra" kept as it is (first seen at $.labelSets[1].setExtra)',
  'UnknownField $.labelSets[1].labelItems[1].itemExtra unknown key "itemExtra" kept as it is (first seen at $.labelSets[1].labelItems[1].itemExtra)',
  'UnknownField $.sentences[1].sentenceExtra unknown key "sentenceExtra" kept as it is (first seen at $.sentences[1].sentenceExtra)',
  'UnknownField $.sentences[1].metadata[0].metaExtra unknown key "metaExtra" kept as it is (first seen at $.sentences[1].metadata[0].metaExtra)',
  'UnknownField $.labels[1].labelExtra unknown key "labelExtra" kept as it is (first seen at $.labels[1].labelExtra)',
  'MissingFieldDefaulted $.labelSets[1].labelItems[1].id $.labelSets[].labelItems[].id absent or null (1 place); an id was synthesized from its place (auto:…)',
  'MissingFieldDefaulted $.labelSets[1].labelItems[2].labelName $.labelSets[].labelItems[].labelName absent or null (1 place); the item id is its name',
  'MissingFieldDefaulted $.labels[0].status $.labels[].status absent or null (2 places, the first named here); LABELED assumed',
  'MissingFieldDefaulted $.labels[0].labeledBy $.labels[].labeledBy absent or null (2 places, the first named here); who made the label is not known (null)',
];

describe('validation errors name their label (its path made only for the error)', () => {
  const base = () => JSON.parse(tokenDocument());
  const where = (value: unknown) => {
    try {
      parseDocumentText(JSON.stringify(value), { file: 'f.json', report: new Report() });
    } catch (error) {
      return `${(error as { where?: string }).where}: ${(error as Error).message}`;
    }
    return 'read';
  };

  it('spans (after one left out), their ends, layers and order', () => {
    const value = base();
    // Span 1 is left out (its item is in no set, and no name), so span 2 is the model's span 1.
    value.data.spanLabels[1].labelItem = { id: 'nowhere' };
    value.data.arrowLabels = [];
    value.data.spanLabels[2].textPosition.end.tokenIndex = 5;
    expect(where(value)).toBe(EXPECTED_ERRORS[0]);
    value.data.spanLabels[2].textPosition.end.tokenIndex = 0;
    value.data.spanLabels[3].textPosition.start.row = 9;
    expect(where(value)).toBe(EXPECTED_ERRORS[1]);
    value.data.spanLabels[3].textPosition.start.row = 3;
    value.data.spanLabels[3].textPosition.start.tokenIndex = 1;
    expect(where(value)).toBe(EXPECTED_ERRORS[2]);
    value.data.spanLabels[3].textPosition.start.tokenIndex = 0;
    value.data.spanLabels[3].layer = 7;
    value.data.spanLabels[3].labelItem = { id: '1', labelName: 'A' };
    expect(where(value)).toBe(EXPECTED_ERRORS[3]);
  });

  it('timestamps and arrows', () => {
    const value = base();
    value.data.timestampLabels = [
      { id: 't0', layer: 0, textPosition: { start: position(0, 0), end: position(0, 1) }, startTimestampMillis: 0, endTimestampMillis: 1 },
      { id: 't1', layer: 0, textPosition: { start: position(0, 0), end: position(0, 1, { charIndex: 4 }) }, startTimestampMillis: 0, endTimestampMillis: 1 },
    ];
    expect(where(value)).toBe(EXPECTED_ERRORS[4]);
    value.data.timestampLabels.pop();
    value.data.arrowLabels.push({ id: 'a1', originId: 's1', destinationId: 'missing', labelItem: null, layer: 0 });
    expect(where(value)).toBe(EXPECTED_ERRORS[5]);
  });
});
const EXPECTED_ERRORS = [
  '$.data.spanLabels[2].textPosition: token 5 is past the end of row 2',
  '$.data.spanLabels[3].textPosition: row 9 does not exist',
  '$.data.spanLabels[3].textPosition: the span ends before it starts',
  "$.data.spanLabels[3].textPosition: the span's layer 7 names no label set (the document has 2)",
  '$.data.timestampLabels[1].textPosition: char 4 is outside token 1 ("b") of row 0',
  '$.data.arrowLabels[1].destinationId: arrow "a1" points to span "missing", which is not in the document',
];

describe('key orders shared between objects (issue 15)', () => {
  it('an object whose keys differ in order or number from the one before keeps its own order', () => {
    const cells = [
      (t: string, r: number) => ({ content: t, tokens: [t], line: r, index: 0 }),
      (t: string, r: number) => ({ tokens: [t], content: t, index: 0, line: r }),
      (t: string) => ({ content: t, tokens: [t] }),
      (t: string, r: number) => ({ content: t, tokens: [t], line: r, index: 0, metadata: [] }),
    ];
    const item = (id: string, name: string) => ({ id, labelName: name, parentId: null, color: '#000' });
    const text = JSON.stringify({
      version: '1',
      data: {
        project: { id: 'p', name: 'P' },
        document: { name: 'd.txt', id: 'd' },
        kinds: ['TOKEN_BASED'],
        labelerInfo: null,
        comments: [],
        rows: [0, 1, 0, 2, 3, 0, 1, 1].map((order, r) => [cells[order](`t${r}`, r)]),
        labelSets: [{ id: '1', name: 'S', index: 0, labelItems: [item('1', 'A'), { labelName: 'B', id: '2', color: '#111', parentId: null }, item('3', 'C')] }],
        spanLabels: [
          span('s0', 0),
          Object.fromEntries(Object.entries(span('s1', 1)).reverse()),
          span('s2', 2),
          { labelItem: { id: '1', labelName: 'A' }, id: 's3', layer: 0, counter: 0, textPosition: { start: position(3, 0), end: position(3, 0) }, status: 'ACCEPTED', labeledBy: 'REVIEWER' },
          span('s4', 4),
        ],
        arrowLabels: [],
      },
    }) + '\n';
    const doc = parseDocumentText(text, { file: 'f.json' });
    expect(serializeDatasaurSchema(doc)).toBe(text);
    // An order the object before had is that object's array, within the document and across documents.
    expect(doc.rows[7].cells[0].keyOrder).toBe(doc.rows[6].cells[0].keyOrder);
    expect(doc.rows[0].cells[0].keyOrder).not.toBe(doc.rows[1].cells[0].keyOrder);
    expect(parseDocumentText(text, { file: 'g.json' }).labelSets[0].keyOrder).toBe(doc.labelSets[0].keyOrder);
  });
});
