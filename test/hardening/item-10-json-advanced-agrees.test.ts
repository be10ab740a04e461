import { describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expectClean, expectCleanError, readReport, runChild, sandbox } from './harness.js';

/**
 * Issue 14 item 10: JSON_ADVANCED wrote a `labelSetItemId` that names no item as a label (`B-nope`)
 * and made a span of a label whose `type` is "WEIRD"; the DATASAUR_SCHEMA reader refused the first.
 * Both readers now follow one rule: a label that names no label (or is of no known type) is left
 * out and named, and the rest of the document converts.
 */
const TOKENS = ['Marie', 'Curie', 'won', 'twice'];
const ITEMS = [{ id: 'per', labelName: 'PER', parentId: null, color: null }];
const position = (token: number) => ({ startCellLine: 0, startCellIndex: 0, startTokenIndex: token, startCharIndex: 0, endCellLine: 0, endCellIndex: 0, endTokenIndex: token, endCharIndex: TOKENS[token].length - 1 });

const advanced = {
  sentences: [{ id: 0, content: TOKENS.join(' '), tokens: TOKENS, labels: [], metadata: [] }],
  labelerInfo: null,
  labelSets: [{ index: 0, labelItems: ITEMS }],
  labels: [
    { id: 'good', type: 'SPAN', ...position(0), layer: 0, counter: 0, labelSetItemId: 'per', status: 'LABELED', labeledBy: 'LABELER' },
    { id: 'nope', type: 'SPAN', ...position(1), layer: 0, counter: 0, labelSetItemId: 'nope', status: 'LABELED', labeledBy: 'LABELER' },
    { id: 'weird', type: 'WEIRD', ...position(3), layer: 0, counter: 0, labelSetItemId: 'per', status: 'LABELED', labeledBy: 'LABELER' },
  ],
  comments: [],
};

const span = (id: string, item: string, token: number) => ({
  id,
  labelItem: { id: item },
  textPosition: { start: { row: 0, column: 0, tokenIndex: token, charIndex: 0 }, end: { row: 0, column: 0, tokenIndex: token, charIndex: TOKENS[token].length - 1 } },
  layer: 0,
  counter: 0,
  status: 'LABELED',
  labeledBy: 'LABELER',
});
const schema = {
  version: '1',
  data: {
    project: { id: 'P1', name: 'agree' },
    document: { id: 'doc', name: 'doc' },
    kinds: ['TOKEN_BASED'],
    labelerInfo: null,
    comments: [],
    rows: [[{ content: TOKENS.join(' '), tokens: TOKENS }]],
    labelSets: [{ id: 'ls', name: 'NER', labelItems: ITEMS }],
    spanLabels: [span('good', 'per', 0), span('nope', 'nope', 1)],
    arrowLabels: [],
  },
};

async function convert(name: string, document: unknown, strict = false) {
  const box = await sandbox(`item10-${name}`);
  await fs.mkdir(box.input('agree-P1', 'REVIEW'), { recursive: true });
  await fs.writeFile(box.input('agree-P1', 'REVIEW', 'doc.json'), JSON.stringify(document));
  const run = await runChild(['convert', box.input(), '--to', 'TSV_IOB', '--out', box.out, '--report', box.report, ...(strict ? ['--strict'] : [])]);
  expectCleanError(run.stderr);
  const files = await expectClean(box);
  const report = await readReport(box.report);
  const text = files.length ? await fs.readFile(path.join(box.out, files[0]), 'utf8') : '';
  return { code: run.code, files, report, text };
}

describe('item 10: JSON_ADVANCED agrees with DATASAUR_SCHEMA on labels that name no label', () => {
  it('a labelSetItemId naming no item and a type "WEIRD" are left out and named; the good span converts (exit 0)', async () => {
    const run = await convert('advanced', advanced);
    expect(run.code).toBe(0);
    expect(run.text).toContain('Marie\tB-PER');
    expect(run.text).not.toMatch(/nope|WEIRD/);
    expect(run.text).toContain('Curie\tO');
    expect(run.text).toContain('twice\tO');
    expect(run.report.filter((m) => m.kind === 'LabelItemMissing')).toMatchObject([{ severity: 'warning', place: { jsonPath: '$.labels[1].labelSetItemId' } }]);
    expect(run.report.filter((m) => m.kind === 'LabelTypeUnknown')).toMatchObject([{ severity: 'warning', place: { jsonPath: '$.labels[2].type' } }]);
    expect(run.report.map((m) => m.kind)).not.toContain('DocumentSkipped');
  });

  it('DATASAUR_SCHEMA does the same with the same span, and both give the same TSV_IOB', async () => {
    const [a, b] = [await convert('advanced-2', advanced), await convert('schema', schema)];
    expect(b.code).toBe(0);
    expect(b.report.filter((m) => m.kind === 'LabelItemMissing')).toMatchObject([{ severity: 'warning', place: { jsonPath: '$.data.spanLabels[1].labelItem.id' } }]);
    expect(b.text).toBe(a.text);
  });

  it('with --strict the warning refuses the run (exit 1) and nothing is written', async () => {
    const run = await convert('strict', advanced, true);
    expect(run.code).toBe(1);
    expect(run.files).toEqual([]);
  });
});
