import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectClean, expectCleanError, readReport, runChild, sandbox, type Sandbox } from './harness.js';

/**
 * Issue 14 item 12: documents whose outputs would share a path (`q` and `q.txt/z`, names equal once
 * cleaned, names differing only by case) no longer stop the run: the later one gets ` (2)` on the
 * part that clashes and an OutputRenamed warning naming both paths; `--force` into a folder that
 * holds a folder where a file goes does not crash mid-commit.
 */
const FIXTURE = path.resolve(__dirname, '../../fixtures/token-project/REVIEW/curie.txt.json');
const NAMES = ['q', 'q.txt/z', 'Notes.txt', 'notes.txt', 'x/y.txt', 'x/./y.txt'];
const REVIEW = 'PLAIN/Clash-P1/REVIEW';

/** A folder in the export layout: one document per name, in this order (files a.json, b.json, …). */
async function clashingExport(box: Sandbox): Promise<string> {
  const template = JSON.parse(await fs.readFile(FIXTURE, 'utf8'));
  const folder = box.input('export', 'Clash-P1', 'REVIEW');
  await fs.mkdir(folder, { recursive: true });
  for (const [i, name] of NAMES.entries()) {
    template.data.document = { id: `doc-${i}`, name };
    await fs.writeFile(path.join(folder, `${String.fromCharCode(97 + i)}.json`), JSON.stringify(template));
  }
  return box.input('export');
}

const EXPECTED = [`${REVIEW}/Notes.txt`, `${REVIEW}/notes (2).txt`, `${REVIEW}/q.txt`, `${REVIEW}/q.txt (2)/z.txt`, `${REVIEW}/x/y (2).txt`, `${REVIEW}/x/y.txt`].map((f) => f.split('/').join(path.sep));

describe('issue 14 item 12: outputs that would share a path', () => {
  it('converts every document, suffixes the later path and reports it, also again with --force', async () => {
    const box = await sandbox('item12');
    const input = await clashingExport(box);
    const run = await runChild(['convert', input, '--to', 'PLAIN', '--out', box.out, '--report', box.report]);
    expectCleanError(run.stderr);
    expect(run.code, run.stderr).toBe(0);
    expect(await expectClean(box)).toEqual(EXPECTED);
    // Each document's text went to its own file: six documents, six files, nothing replaced.
    const renamed = (await readReport(box.report)).filter((m) => m.kind === 'OutputRenamed');
    expect(renamed.map((m) => [m.severity, m.document])).toEqual([
      ['warning', 'q.txt/z'],
      ['warning', 'notes.txt'],
      ['warning', 'x/./y.txt'],
    ]);
    expect(renamed[0].text).toContain(`${REVIEW}/q.txt/z.txt`);
    expect(renamed[0].text).toContain(`${REVIEW}/q.txt (2)/z.txt`);
    expect(run.stderr).toMatch(/OutputRenamed/);

    // The same run again with --force replaces the same files (the rule is deterministic).
    const again = await runChild(['convert', input, '--to', 'PLAIN', '--out', box.out, '--report', box.report, '--force']);
    expect(again.code, again.stderr).toBe(0);
    expect(await expectClean(box)).toEqual(EXPECTED);
  }, 120_000);

  it('gives the same files, contents and report with 2 worker threads (the workers write, this thread moves the renamed ones)', async () => {
    const box = await sandbox('item12-workers');
    const input = await clashingExport(box);
    const contents = async (dir: string) => Object.fromEntries(await Promise.all((await expectClean(box)).map(async (f) => [f, await fs.readFile(path.join(dir, f), 'utf8')])));
    const single = await runChild(['convert', input, '--to', 'PLAIN', '--out', box.out, '--report', box.report]);
    expect(single.code, single.stderr).toBe(0);
    const expected = await contents(box.out);
    const messages = await readReport(box.report);
    await fs.rm(box.out, { recursive: true });
    const parallel = await runChild(['convert', input, '--to', 'PLAIN', '--out', box.out, '--report', box.report, '--workers', '2']);
    expect(parallel.code, parallel.stderr).toBe(0);
    expect(Object.keys(expected)).toEqual(EXPECTED);
    expect(await contents(box.out)).toEqual(expected);
    expect(await readReport(box.report)).toEqual(messages);
  }, 120_000);

  it('with --force, a folder where an output file goes is kept and the output renamed (no EISDIR mid-commit)', async () => {
    const box = await sandbox('item12-force');
    const input = await clashingExport(box);
    const blocking = path.join(box.out, ...REVIEW.split('/'), 'Notes.txt');
    await fs.mkdir(blocking, { recursive: true });
    await fs.writeFile(path.join(blocking, 'keep.me'), 'mine');
    const refused = await runChild(['convert', input, '--to', 'PLAIN', '--out', box.out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/OUTPUT_EXISTS/);
    expectCleanError(refused.stderr);
    expect(await expectClean(box)).toEqual([path.join(...REVIEW.split('/'), 'Notes.txt', 'keep.me')]);

    const run = await runChild(['convert', input, '--to', 'PLAIN', '--out', box.out, '--report', box.report, '--force']);
    expect(run.code, run.stderr).toBe(0);
    const files = await expectClean(box);
    expect(files).toContain(path.join(...REVIEW.split('/'), 'Notes.txt', 'keep.me'));
    expect(files).toContain(path.join(...REVIEW.split('/'), 'Notes (2).txt'));
    expect(files).toContain(path.join(...REVIEW.split('/'), 'notes (3).txt'));
    expect(await fs.readFile(path.join(blocking, 'keep.me'), 'utf8')).toBe('mine');
    expect((await readReport(box.report)).filter((m) => m.kind === 'OutputRenamed').map((m) => m.document)).toEqual(['q.txt/z', 'Notes.txt', 'notes.txt', 'x/./y.txt']);
  }, 120_000);
});
