import { describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expectClean, readReport, runChild, sandbox } from './harness.js';

/** The harness itself: a clean run passes, a stray temporary file or a file outside --out fails. */
describe('hardening harness', () => {
  it('runs the CLI in a child process and sees what it left', async () => {
    const box = await sandbox('self');
    const fixture = path.resolve(__dirname, '../../fixtures/token-project.zip');
    const run = await runChild(['convert', fixture, '--to', 'PLAIN', '--out', box.out, '--report', box.report]);
    expect(run.code).toBe(0);
    expect(await expectClean(box)).toEqual([path.join('PLAIN', 'Fixture token _NER_-FxTok3n01', 'REVIEW', 'curie.txt')]);
    expect((await readReport(box.report)).length).toBeGreaterThan(0);
    await fs.writeFile(path.join(box.out, '.tmp-left'), '');
    await expect(expectClean(box)).rejects.toThrow(/temporary files/);
    await fs.rm(path.join(box.out, '.tmp-left'));
    await fs.writeFile(path.join(box.root, 'stray.txt'), '');
    await expect(expectClean(box)).rejects.toThrow(/outside --out/);
  });
});
