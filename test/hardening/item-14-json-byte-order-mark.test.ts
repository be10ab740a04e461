import { describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { expectClean, expectCleanError, readReport, runChild, sandbox } from './harness.js';
import { sample } from '../helpers/samples.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const FIXTURE = path.resolve(__dirname, '../../fixtures/token-project/REVIEW/curie.txt.json');

/**
 * Issue 14 item 14: a UTF-8 byte order mark before a JSON document was refused with a message that
 * showed the invisible character. It is read past, reported, and the round trip keeps it.
 */
describe('item 14: a JSON document starting with a byte order mark', () => {
  it('DATASAUR_SCHEMA: converts (exit 0), says ByteOrderMarkRead, and writes the same bytes back', async () => {
    const box = await sandbox('item14-schema');
    const original = await fs.readFile(FIXTURE);
    await fs.writeFile(box.input('bom.json'), Buffer.concat([BOM, original]));
    const run = await runChild(['convert', box.input('bom.json'), '--to', 'DATASAUR_SCHEMA,TSV_IOB', '--out', box.out, '--report', box.report]);
    expectCleanError(run.stderr);
    expect(run.code, run.stderr).toBe(0);
    const files = await expectClean(box);
    const written = files.find((f) => f.startsWith('DATASAUR_SCHEMA'))!;
    expect(await fs.readFile(path.join(box.out, written))).toEqual(Buffer.concat([BOM, original]));
    // A format the mark does not belong to is written as without it.
    const iob = await fs.readFile(path.join(box.out, files.find((f) => f.startsWith('TSV_IOB'))!));
    expect(iob.subarray(0, 3)).not.toEqual(BOM);
    const report = await readReport(box.report);
    expect(report.filter((m) => m.kind === 'ByteOrderMarkRead')).toMatchObject([{ severity: 'info', document: 'bom' }]);
  });

  it('JSON_ADVANCED in an export ZIP: the same', async () => {
    const box = await sandbox('item14-advanced');
    const zip = await JSZip.loadAsync(await fs.readFile(sample('token-json-advanced', 'Project 2.zip')));
    const entry = Object.keys(zip.files).find((name) => name.includes('/REVIEW/') && name.endsWith('.json'))!;
    const original = await zip.file(entry)!.async('nodebuffer');
    zip.file(entry, Buffer.concat([BOM, original]));
    await fs.writeFile(box.input('bom.zip'), await zip.generateAsync({ type: 'nodebuffer' }));
    const run = await runChild(['convert', box.input('bom.zip'), '--to', 'JSON_ADVANCED', '--out', box.out, '--report', box.report]);
    expect(run.code, run.stderr).toBe(0);
    const [written] = await expectClean(box);
    expect(await fs.readFile(path.join(box.out, written))).toEqual(Buffer.concat([BOM, original]));
    expect((await readReport(box.report)).map((m) => m.kind)).toContain('ByteOrderMarkRead');
  });
});
