import { promises as fs } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { expectClean, expectCleanError, readReport, runChild, sandbox } from './harness.js';

/**
 * Issue 14 item 15: `--escape-formulas` left values starting with TAB or CR as they were (both are
 * formula triggers in the OWASP list), and without the option nothing told the user that
 * formula-like values were written.
 */
const CSV_INPUT = 'name,cmd\r\nalice,=HYPERLINK("http://x")\r\nbob,\t=1+1\r\ncarol,"\r@SUM(A1)"\r\ndave,-3.5\r\n';

async function cells(file: string): Promise<string[][]> {
  const parsed = Papa.parse<string[]>(await fs.readFile(file, 'utf8'), { newline: '\r\n', skipEmptyLines: true });
  return parsed.data;
}

describe('item 15: formula triggers', () => {
  it('--escape-formulas prefixes values starting with TAB and CR too (not plain numbers)', async () => {
    const box = await sandbox('item15-escape');
    await fs.writeFile(box.input('tricky.csv'), CSV_INPUT);
    const run = await runChild(['convert', box.input('tricky.csv'), '--to', 'CSV', '--escape-formulas', '--out', box.out, '--report', box.report]);
    expectCleanError(run.stderr);
    expect(run.code).toBe(0);
    const files = await expectClean(box);
    expect(files).toHaveLength(1);
    expect((await cells(path.join(box.out, files[0]))).map((row) => row[1])).toEqual(['cmd', `'=HYPERLINK("http://x")`, "'\t=1+1", "'\r@SUM(A1)", '-3.5']);
    const messages = await readReport(box.report);
    expect(messages.filter((m) => m.kind === 'FormulaEscaped').map((m) => m.text)).toEqual([expect.stringMatching(/^3 value\(s\) in column "cmd"/)]);
    expect(messages.filter((m) => m.kind === 'FormulaNotEscaped')).toEqual([]);
  });

  it('without the option the values are written as they are and each document and format says so once (info)', async () => {
    const box = await sandbox('item15-notice');
    await fs.writeFile(box.input('tricky.csv'), CSV_INPUT);
    const run = await runChild(['convert', box.input('tricky.csv'), '--to', 'CSV,TSV', '--out', box.out, '--report', box.report]);
    expectCleanError(run.stderr);
    expect(run.code).toBe(0);
    const files = await expectClean(box);
    const csv = files.find((f) => f.endsWith('.csv'))!;
    expect((await cells(path.join(box.out, csv))).map((row) => row[1])).toEqual(['cmd', '=HYPERLINK("http://x")', '\t=1+1', '\r@SUM(A1)', '-3.5']);
    const notices = (await readReport(box.report)).filter((m) => m.kind === 'FormulaNotEscaped');
    expect(notices.map((m) => [m.severity, (m as { format?: string }).format, m.document])).toEqual([
      ['info', 'CSV', 'tricky.csv'],
      ['info', 'TSV', 'tricky.csv'],
    ]);
    expect(notices[0].text).toMatch(/^3 value\(s\) .*--escape-formulas/);
    expect(run.stderr).toMatch(/--escape-formulas/);
  });
});
