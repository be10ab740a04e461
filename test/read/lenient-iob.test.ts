import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTaggedTsv } from '../../src/core/read/tagged-tsv.js';
import { Report } from '../../src/core/report/report.js';
import { cli } from '../helpers/cli.js';

/** Issue 11 item 5: lenient IOB, a word for each repair, `--strict` refuses them. */
function read(text: string) {
  const report = new Report();
  const doc = readTaggedTsv(text, { file: 'x.tsv', report });
  const spans = doc.spans.map((s) => `${s.labelName}@${s.start.row}:${s.start.token}-${s.end.token}`);
  const repairs = report.all().map((m) => `${m.kind}@${m.place?.line}`);
  return { doc, spans, repairs, report };
}

describe('lenient IOB reading', () => {
  it('a token line without a tag reads as O (TagMissing, naming the line)', () => {
    const { spans, repairs, report } = read('Ada\tB-PER\nLovelace\tI-PER\nwrote\nnotes\tO\n\n');
    expect(spans).toEqual(['PER@0:0-1']);
    expect(repairs).toEqual(['TagMissing@3']);
    expect(report.all()[0]).toMatchObject({ severity: 'warning', place: { file: 'x.tsv', line: 3 } });
    expect(report.all()[0].text).toContain('token "wrote" has no tag; read as O');
  });

  it('a line with fewer tag columns than the file: the missing ones read as O', () => {
    const { doc, repairs } = read('Ada\tB-PER\tB-X\nLovelace\tI-PER\n\n');
    expect(doc.labelSets).toHaveLength(2);
    expect(doc.spans.map((s) => [s.layer, s.start.token, s.end.token])).toEqual([[0, 0, 1], [1, 0, 0]]);
    expect(repairs).toEqual(['TagMissing@2']);
  });

  it('a bare tag without prefix reads as IOB1 would: continues a span of its label, else starts one (TagPrefixMissing)', () => {
    const { spans, repairs } = read('Ada\tB-PER\nLovelace\tPER\nin\tO\nLondon\tLOC\nEngland\tB-LOC\n\n');
    expect(spans).toEqual(['PER@0:0-1', 'LOC@0:3-3', 'LOC@0:4-4']);
    expect(repairs).toEqual(['TagPrefixMissing@2', 'TagPrefixMissing@4']);
  });

  it('I- after O or after another label starts a span (SpanStartedByI) in an IOB2 file', () => {
    const { spans, repairs } = read('Ada\tB-PER\nLovelace\tI-PER\nin\tO\nLondon\tI-LOC\nwith\tI-PER\n\n');
    expect(spans).toEqual(['PER@0:0-1', 'LOC@0:3-3', 'PER@0:4-4']);
    expect(repairs).toEqual(['SpanStartedByI@4', 'SpanStartedByI@5']);
  });

  it('in an IOB1 file (spans open with I-, B- only between two equal labels) that is the rule: no repair reported', () => {
    const { spans, repairs } = read('Ada\tI-PER\nLovelace\tI-PER\nBabbage\tB-PER\nin\tO\nLondon\tI-LOC\n\n');
    expect(spans).toEqual(['PER@0:0-1', 'PER@0:2-2', 'LOC@0:4-4']);
    expect(repairs).toEqual([]);
  });

  it('malformed tags are named with their line and read as stated; the file stays IOB (TagMalformed)', () => {
    const { spans, repairs, report } = read('a\tB-\nb\tX-FOO\nc\tb-PER\nd\ti-PER\ne\tB-LOC\n\n');
    expect(spans).toEqual(['X-FOO@0:1-1', 'PER@0:2-3', 'LOC@0:4-4']);
    expect(repairs).toEqual(['TagMalformed@1', 'TagMalformed@2', 'TagMalformed@3', 'TagMalformed@4']);
    expect(report.all().map((m) => m.severity)).toEqual(['warning', 'warning', 'warning', 'warning']);
  });

  it('a column where most tags have no prefix is plain (TSV_NON_IOB), with no repairs', () => {
    const { doc, repairs } = read('The\tDT\nB-cell\tNN\nlines\tNNS\n\n');
    expect(doc.spans.map((s) => s.labelName)).toEqual(['DT', 'NN', 'NNS']);
    expect(repairs).toEqual([]);
  });

  it('a damaged file lists the first 100 repairs of a kind by line and counts the rest in one message', () => {
    const text = Array.from({ length: 150 }, (_, i) => `w${i}\tO\nx${i}\tI-X\n`).join('') + 'z\tO\na\tB-X\n\n';
    const { repairs, report } = read(text);
    expect(repairs.filter((r) => r.startsWith('SpanStartedByI@'))).toHaveLength(101);
    expect(report.all().at(-1)!.text).toContain('50 more repairs of this kind');
  });

  it('convert reports each repair; --strict refuses them (exit 1, nothing written)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lenient-'));
    const file = path.join(dir, 'damaged.iob');
    writeFileSync(file, 'Ada\tB-PER\nLovelace\tPER\nwrote\nin\tO\nLondon\tI-LOC\nand\tI-PER\n\n');
    const lenient = await cli('convert', file, '--to', 'TSV_IOB', '--out', path.join(dir, 'out'), '--flat');
    expect(lenient.code).toBe(0);
    for (const kind of ['TagMissing', 'TagPrefixMissing', 'SpanStartedByI']) expect(lenient.stderr).toContain(`warning ${kind}`);
    const strict = await cli('convert', file, '--to', 'TSV_IOB', '--out', path.join(dir, 'strict'), '--flat', '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('no output written');
  });
});
