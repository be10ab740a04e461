import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sample } from '../helpers/samples.js';
import { expectClean, readReport, runChild, sandbox } from './harness.js';

/**
 * Issue 14 item 5: one malformed IOB tag (a bare `B-`, `X-FOO`, a lower-case `b-`) turned every
 * line of a 4,875-line file into `B-B-SpecificDisease`/`B-I-…`. Each malformed tag must be named
 * with its line, and the rest of the file must still read as IOB.
 */
describe('item 5: a malformed IOB tag is named with its line; the rest still reads as IOB', () => {
  it('ncbi-disease-iob.tsv with a bare B-, an X-FOO and a lower-case b- tag', { timeout: 120_000 }, async () => {
    const box = await sandbox('item05');
    const lines = (await fs.readFile(sample('datasets/ncbi-disease-iob.tsv'), 'utf8')).split('\n');
    // Three lines that carry a tag, far apart; 1-based numbers as the report names them.
    const tagged = lines.flatMap((l, i) => (l.includes('\tB-') ? [i] : []));
    const damaged = { [tagged[3]]: 'B-', [tagged[200]]: 'X-FOO', [tagged[1000]]: `b-${lines[tagged[1000]].split('\t')[1].slice(2)}` };
    const input = lines.map((l, i) => (damaged[i] !== undefined ? `${l.split('\t')[0]}\t${damaged[i]}` : l));
    const file = box.input('ncbi.tsv');
    await fs.writeFile(file, input.join('\n'));

    const run = await runChild(['convert', file, '--to', 'TSV_IOB', '--out', box.out, '--report', box.report, '--flat']);
    expect(run.code, run.stderr).toBe(0);
    const malformed = (await readReport(box.report)).filter((m) => m.kind === 'TagMalformed');
    expect(malformed.map((m) => (m.place as { line?: number }).line)).toEqual(Object.keys(damaged).map((i) => Number(i) + 1));
    expect(malformed.map((m) => m.severity)).toEqual(['warning', 'warning', 'warning']);
    expect(malformed[0].text).toContain('tag "B-" has a prefix but no label; read as O');
    expect(malformed[1].text).toContain('tag "X-FOO"');
    expect(malformed[2].text).toContain('lower-case prefix');

    // The rest reads as IOB: every other line's tag comes out as it went in (no B-B-…).
    const written = (await fs.readFile(path.join(box.out, 'TSV_IOB', 'ncbi.tsv'), 'utf8')).split('\n');
    expect(written.some((l) => /\t[BI]-[BI]-/.test(l))).toBe(false);
    const tagOf = (l: string | undefined) => l?.split('\t')[1];
    let same = 0;
    for (let i = 0; i < lines.length; i++) {
      if (damaged[i] !== undefined || lines[i] === '') continue;
      expect(tagOf(written[i]), `line ${i + 1}`).toBe(tagOf(lines[i]));
      same++;
    }
    expect(same).toBeGreaterThan(60_000);
    // What each damaged tag was read as: O, the bare label X-FOO, and the upper-case prefix.
    expect(tagOf(written[tagged[3]])).toBe('O');
    expect(tagOf(written[tagged[200]])).toBe('B-X-FOO');
    expect(tagOf(written[tagged[1000]])).toBe(lines[tagged[1000]].split('\t')[1]);
    await expectClean(box);

    // --strict refuses the repairs: exit 1, nothing written.
    const strictBox = await sandbox('item05-strict');
    const strict = await runChild(['convert', file, '--to', 'TSV_IOB', '--out', strictBox.out, '--report', strictBox.report, '--strict']);
    expect(strict.code).toBe(1);
    expect((await readReport(strictBox.report)).filter((m) => m.kind === 'TagMalformed').map((m) => m.severity)).toEqual(['error', 'error', 'error']);
    expect(await expectClean(strictBox)).toEqual([]);
  });
});
