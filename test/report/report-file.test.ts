import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/node/convert.js';
import { Report } from '../../src/core/report/report.js';
import { renderReportJson } from '../../src/core/report/render.js';
import { ReportFile } from '../../src/node/report-file.js';
import { readReport } from '../hardening/harness.js';
import { sample } from '../helpers/samples.js';
import '../../src/core/read/register-readers.js';

const tempDir = () => fs.mkdtemp(path.join(os.tmpdir(), 'dx-report-'));

describe('the --report file, streamed while the run goes', () => {
  it('holds every message of a conversion, as the in-memory rendering does', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'report.json');
    const result = await convert({ input: sample('token-json-advanced', 'Project 1.zip'), to: ['PLAIN', 'AMAZON_COMPREHEND_CSV'], outDir: path.join(dir, 'out'), reportFile: file });
    expect(result.report.count()).toBeGreaterThan(0);
    const streamed = JSON.parse(await fs.readFile(file, 'utf8'));
    const inMemory = JSON.parse(renderReportJson(result.report.all(), false));
    expect(streamed).toEqual(inMemory);
    expect(await readReport(file)).toEqual(inMemory.messages);
    // No temporary file beside it.
    expect(await fs.readdir(dir)).toEqual(['out', 'report.json']);
  });
  it('has every message when the in-memory report keeps only a few, with the summary of all', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'report.json');
    const report = new Report({ keep: 2 });
    const sink = new ReportFile(file, true);
    report.attach(sink);
    for (let i = 0; i < 20_000; i++) report.scope({ document: `d${i % 7}` }).add({ kind: i % 2 ? 'OverlapDropped' : 'UnknownField', text: `message ${i}` });
    sink.finish(report.summary(true));
    const json = JSON.parse(await fs.readFile(file, 'utf8'));
    expect(report.all()).toHaveLength(2);
    expect(json.messages).toHaveLength(20_000);
    expect(json.messages[19_999]).toEqual({ document: 'd0', kind: 'OverlapDropped', text: 'message 19999', severity: 'error' });
    expect(json.summary).toEqual({ total: 20_000, bySeverity: { error: 10_000, warning: 0, info: 10_000 }, byKind: { UnknownField: 10_000, OverlapDropped: 10_000 } });
    expect(json.strict).toBe(true);
  });
  it('is not left half written when the run fails', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'report.json');
    await expect(convert({ input: path.join(dir, 'missing.zip'), to: ['PLAIN'], outDir: path.join(dir, 'out'), reportFile: file })).rejects.toThrow(/no such file/);
    expect(await fs.readdir(dir)).toEqual([]);
  });
  it('names the report file when it cannot be written', async () => {
    const dir = await tempDir();
    await expect(convert({ input: sample('token-json-advanced', 'Project 1.zip'), to: ['PLAIN'], outDir: path.join(dir, 'out'), reportFile: path.join(dir, 'no', 'such', 'report.json') })).rejects.toMatchObject({ code: 'BAD_OPTION', where: '--report' });
  });
});
