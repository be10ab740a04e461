import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as v from 'valibot';
import { isPlainRow, isPlainSpan } from '../../src/core/read/fast-elements.js';
import { cellSchema, datasaurSchemaFileSchema, spanLabelSchema } from '../../src/core/read/datasaur-schema.schema.js';
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
