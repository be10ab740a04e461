import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as v from 'valibot';
import { isPlainRow, isPlainSpan } from '../../src/core/read/fast-elements.js';
import { cellSchema, datasaurSchemaFileSchema, isPlainTokenFile, spanLabelSchema } from '../../src/core/read/datasaur-schema.schema.js';
import { record } from '../../src/core/read/schema-parts.js';

// Values near the valid shapes: right keys with values of every JSON type, so both sides of each rule are hit.
const anyValue = fc.oneof(fc.string(), fc.integer({ min: -3, max: 3 }), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(fc.string(), { maxLength: 3 }), fc.array(fc.integer(), { maxLength: 2 }), fc.object({ maxDepth: 1 }));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, anyValue);
const position = fc.record({ row: maybe(fc.nat(5)), tokenIndex: maybe(fc.nat(5)), column: maybe(fc.nat(2)), charIndex: maybe(fc.nat(3)) }, { requiredKeys: [] });
const cell = fc.record({ content: maybe(fc.string()), tokens: maybe(fc.array(fc.string(), { maxLength: 4 })), line: maybe(fc.nat()), index: maybe(fc.nat()), metadata: maybe(fc.constant([])) }, { requiredKeys: [] });
const span = fc.record(
  {
    id: maybe(fc.oneof(fc.string(), fc.nat())),
    labelItem: maybe(fc.record({ id: maybe(fc.oneof(fc.string(), fc.nat())), labelName: maybe(fc.string()) }, { requiredKeys: [] })),
    textPosition: maybe(fc.record({ start: maybe(position), end: maybe(position) }, { requiredKeys: [] })),
    layer: maybe(fc.nat(3)),
    labelSetIndex: maybe(fc.nat(3)),
    counter: maybe(fc.integer()),
    status: maybe(fc.constantFrom('LABELED', 'ACCEPTED', 'REJECTED', 'CONFLICT')),
    labeledBy: maybe(fc.string()),
    labeledByUserId: maybe(fc.nat()),
    acceptedByUserId: maybe(fc.nat()),
    rejectedByUserId: maybe(fc.nat()),
  },
  { requiredKeys: [] },
);
// JSON.parse never yields undefined members: drop them as a parsed file would.
const asParsed = (value: unknown) => JSON.parse(JSON.stringify(value ?? null));

describe('fast element checks used by the DATASAUR_SCHEMA schema', () => {
  it('never accept a row that the schema rejects, and accept the plain valid ones', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 3 }), (raw) => {
        const row = asParsed(raw);
        if (isPlainRow(row)) expect(v.safeParse(v.array(cellSchema), row).success).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(isPlainRow([{ content: 'a b', tokens: ['a', 'b'], line: 0, index: 0 }])).toBe(true);
  });

  it('never accept a span that the schema rejects, and accept the plain valid ones', () => {
    fc.assert(
      fc.property(span, (raw) => {
        const value = asParsed(raw);
        if (isPlainSpan(value)) expect(v.safeParse(spanLabelSchema, value).success).toBe(true);
      }),
      { numRuns: 3000 },
    );
    const valid = { id: 1, labelItem: { id: '2', labelName: 'X' }, textPosition: { start: { row: 0, tokenIndex: 0 }, end: { row: 0, tokenIndex: 1, charIndex: 2 } }, status: 'ACCEPTED', labeledByUserId: null };
    expect(isPlainSpan(valid)).toBe(true);
  });

  it('report an invalid element with the element schema’s path and message', () => {
    const file = {
      version: '1',
      data: {
        project: { id: 1, name: 'p' },
        document: { id: 1, name: 'd' },
        rows: [[{ content: 'a b', tokens: ['a', 'b'] }], [{ content: 'c', tokens: ['c', 7] }]],
        spanLabels: [{ id: 1, labelItem: { id: 1 }, textPosition: { start: { row: -1, tokenIndex: 0 }, end: { row: 0, tokenIndex: 0 } } }],
        rowAnswerSets: { '0': { '1': 'a' }, '1': null, '2': ['not', 'an', 'answer set'] },
      },
    };
    const keys = (issue: v.BaseIssue<unknown>) => issue.path!.map((item) => item.key);
    const issues = v.safeParse(datasaurSchemaFileSchema, file).issues!.map((i) => ({ path: keys(i), message: i.message }));
    expect(issues).toEqual([
      { path: ['data', 'rows', 1, 0, 'tokens', 1], message: v.safeParse(v.string(), 7).issues![0].message },
      { path: ['data', 'spanLabels', 0, 'textPosition', 'start', 'row'], message: v.safeParse(v.pipe(v.number(), v.minValue(0)), -1).issues![0].message },
      { path: ['data', 'rowAnswerSets', '2'], message: v.safeParse(v.nullable(record(v.unknown())), []).issues![0].message },
    ]);
    // Not an array / not an object at all: the schema's own message for the whole member.
    const wrong = v.safeParse(datasaurSchemaFileSchema, { ...file, data: { ...file.data, rows: {}, rowAnswerSets: [] } }).issues!;
    expect(wrong.map(keys)).toEqual([['data', 'rows'], ['data', 'spanLabels', 0, 'textPosition', 'start', 'row'], ['data', 'rowAnswerSets']]);
    expect(wrong[0].message).toBe(v.safeParse(v.array(v.string()), {}).issues![0].message);
  });
});

describe('the whole-file check that spares a token document the schema (issue 15)', () => {
  // Mostly valid values, so that files with a single wrong member are common.
  const mostly = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: arb, weight: 6 }, { arbitrary: anyValue, weight: 1 });
  const optional = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: arb, weight: 6 }, { arbitrary: fc.constantFrom(null, undefined), weight: 1 }, { arbitrary: anyValue, weight: 1 });
  const id = fc.oneof(fc.string(), fc.nat());
  const item = fc.record({ id: optional(id), labelName: optional(fc.string()), color: anyValue }, { requiredKeys: [] });
  const labelSet = fc.record({ id: anyValue, index: anyValue, labelItems: optional(fc.array(mostly(item), { maxLength: 3 })) }, { requiredKeys: [] });
  const project = fc.record({ id: optional(id), name: optional(fc.string()) }, { requiredKeys: [] });
  const validRow = fc.constant([{ content: 'a b', tokens: ['a', 'b'], line: 0, index: 0 }]);
  const validSpan = fc.constant({ id: 's', labelItem: { id: '1' }, textPosition: { start: { row: 0, tokenIndex: 0 }, end: { row: 0, tokenIndex: 1 } } });
  const data = fc.record(
    {
      project: optional(project),
      document: optional(project),
      kinds: optional(fc.array(mostly(fc.constantFrom('TOKEN_BASED', 'ROW_BASED')), { maxLength: 2 })),
      rows: optional(fc.array(fc.oneof({ arbitrary: validRow, weight: 6 }, { arbitrary: fc.array(cell, { maxLength: 2 }), weight: 1 }), { maxLength: 3 })),
      labelSets: optional(fc.array(mostly(labelSet), { maxLength: 2 })),
      spanLabels: optional(fc.array(fc.oneof({ arbitrary: validSpan, weight: 6 }, { arbitrary: span, weight: 1 }), { maxLength: 2 })),
      arrowLabels: optional(fc.constant([])),
      // Members the check leaves to the schema, and unknown ones.
      pages: fc.oneof({ arbitrary: fc.constant(undefined), weight: 6 }, { arbitrary: anyValue, weight: 1 }),
      rowAnswerSets: fc.oneof({ arbitrary: fc.constant(undefined), weight: 6 }, { arbitrary: anyValue, weight: 1 }),
      labelerInfo: anyValue,
      somethingElse: anyValue,
    },
    { requiredKeys: [] },
  );
  const file = fc.record({ version: anyValue, data: mostly(data) }, { requiredKeys: ['data'] });

  it('never accepts a file that the schema rejects, and accepts the plain valid ones', () => {
    let accepted = 0;
    fc.assert(
      fc.property(file, (raw) => {
        const value = asParsed(raw);
        if (isPlainTokenFile(value)) {
          accepted++;
          expect(v.safeParse(datasaurSchemaFileSchema, value).success).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
    expect(accepted).toBeGreaterThan(500);
    const valid = {
      version: '1',
      data: {
        project: { id: 'p', name: 'P' },
        document: { id: 7, name: null },
        kinds: ['TOKEN_BASED'],
        labelerInfo: { id: 1 },
        rows: [[{ content: 'a b', tokens: ['a', 'b'], line: 0, index: 0 }]],
        labelSets: [{ id: '1', index: 0, labelItems: [{ id: '1', labelName: 'A', color: 3 }] }],
        spanLabels: [{ id: 's', labelItem: { id: '1' }, textPosition: { start: { row: 0, tokenIndex: 0 }, end: { row: 0, tokenIndex: 1 } } }],
        arrowLabels: [],
        comments: [],
      },
    };
    expect(isPlainTokenFile(valid)).toBe(true);
    // Any member the check does not look at sends the file to the schema.
    expect(isPlainTokenFile({ ...valid, data: { ...valid.data, pages: [] } })).toBe(false);
    expect(isPlainTokenFile({ ...valid, data: { ...valid.data, arrowLabels: [{ id: 'a' }] } })).toBe(false);
  });
});
