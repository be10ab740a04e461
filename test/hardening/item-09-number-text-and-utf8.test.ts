import { describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { expectClean, expectCleanError, readReport, runChild, sandbox } from './harness.js';
import { sample } from '../helpers/samples.js';

const FIXTURE = path.resolve(__dirname, '../../fixtures/token-project/REVIEW/curie.txt.json');

/**
 * Issue 14 item 9: numbers beyond double precision were rewritten by the "same bytes" writers
 * (`12345678901234567890123` → `1.2345678901234568e+22`, `1e400` → `null`, `-0` → `0`). Their
 * source text is kept where the model does not compute with them.
 */
describe('item 9: numbers a double cannot hold', () => {
  const BIG = '12345678901234567890123';

  it('DATASAUR_SCHEMA (a single file): every such number is written back as it was, and reported once', async () => {
    const box = await sandbox('item09-schema');
    let text = await fs.readFile(FIXTURE, 'utf8');
    // An unknown key, an answer-like nested value, a user id and a span's counter (-0).
    text = text.replace('"data":{', `"data":{"big":${BIG},"nested":{"inf":1e400,"zero":-0,"list":[1.50,${BIG}]},`);
    text = text.replace('"labeledByUserId":null', `"labeledByUserId":${BIG}`);
    text = text.replace('"counter":0', '"counter":-0');
    await fs.writeFile(box.input('numbers.json'), text);
    const run = await runChild(['convert', box.input('numbers.json'), '--to', 'DATASAUR_SCHEMA,JSON_ADVANCED', '--out', box.out, '--report', box.report]);
    expectCleanError(run.stderr);
    expect(run.code, run.stderr).toBe(0);
    const files = await expectClean(box);
    expect(await fs.readFile(path.join(box.out, files.find((f) => f.startsWith('DATASAUR_SCHEMA'))!), 'utf8')).toBe(text);
    // Another format writes the nearest double (and no `null` for 1e400 in a value it carries).
    const advanced = await fs.readFile(path.join(box.out, files.find((f) => f.startsWith('JSON_ADVANCED'))!), 'utf8');
    expect(advanced).toContain('"labeledByUserId":1.2345678901234568e+22');
    const messages = (await readReport(box.report)).filter((m) => m.kind === 'InexactNumber');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ severity: 'info', place: { jsonPath: '$.data.big' } });
    expect(messages[0].text).toMatch(/^7 number\(s\)/);
  });

  it('JSON_ADVANCED in an export ZIP: a label user id and a metadata value keep their text', async () => {
    const box = await sandbox('item09-advanced');
    const zip = await JSZip.loadAsync(await fs.readFile(sample('audio-json-advanced', '_Uniphore_ Datasaur Dataset_FRYWjo0dORv.zip')));
    const entry = Object.keys(zip.files).find((name) => name.includes('/REVIEW/') && name.endsWith('.json'))!;
    const original = await zip.file(entry)!.async('string');
    const text = original.replace('"labeledByUserId":null', `"labeledByUserId":${BIG}`).replace('"value":"agent"', '"value":-0');
    expect(text).not.toBe(original);
    zip.file(entry, text);
    await fs.writeFile(box.input('audio.zip'), await zip.generateAsync({ type: 'nodebuffer' }));
    const run = await runChild(['convert', box.input('audio.zip'), '--to', 'JSON_ADVANCED', '--out', box.out, '--report', box.report]);
    expect(run.code, run.stderr).toBe(0);
    const files = await expectClean(box);
    const name = path.basename(entry);
    expect(await fs.readFile(path.join(box.out, files.find((f) => f.endsWith(name) && f.includes('REVIEW'))!), 'utf8')).toBe(text);
    expect((await readReport(box.report)).filter((m) => m.kind === 'InexactNumber')).toHaveLength(1);
  });
});

/**
 * Issue 14 item 9, second half: invalid UTF-8 became U+FFFD in silence. It still reads as U+FFFD
 * (what else could a token be), but the report names the byte offset of the first bad sequence and
 * how many there are; --strict refuses the run.
 */
describe('item 9: bytes that are not UTF-8', () => {
  const file = async () => {
    const text = await fs.readFile(FIXTURE, 'utf8');
    // The token (the content, before it, keeps its bytes: TSV_IOB writes tokens).
    const at = Buffer.byteLength(text.slice(0, text.indexOf('"Sorbonne"')), 'utf8') + 3;
    const bytes = Buffer.from(text, 'utf8');
    bytes[at] = 0xff;
    bytes[at + 3] = 0xc3; // a lead byte followed by ASCII: "So\xffbo\xc3ne"
    return { bytes, at };
  };

  for (const layout of ['a single file', 'an export folder'] as const) {
    it(`${layout}: converts with U+FFFD, names byte offset and count (warning), --strict exits 1`, async () => {
      const box = await sandbox(`item09-utf8-${layout.split(' ').pop()}`);
      const { bytes, at } = await file();
      const input = layout === 'a single file' ? box.input('bad.json') : box.input('P-1', 'REVIEW', 'bad.json');
      await fs.mkdir(path.dirname(input), { recursive: true });
      await fs.writeFile(input, bytes);
      const target = layout === 'a single file' ? input : box.input();
      const run = await runChild(['convert', target, '--to', 'TSV_IOB', '--out', box.out, '--report', box.report]);
      expectCleanError(run.stderr);
      expect(run.code, run.stderr).toBe(0);
      const [written] = await expectClean(box);
      expect(await fs.readFile(path.join(box.out, written), 'utf8')).toContain('So\uFFFDbo\uFFFDne');
      const messages = (await readReport(box.report)).filter((m) => m.kind === 'InvalidUtf8');
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({ severity: 'warning', place: { byte: at } });
      expect(messages[0].text).toMatch(new RegExp(`^2 byte sequence\\(s\\) are not UTF-8 \\(the first at byte ${at}\\)`));
      await fs.rm(box.out, { recursive: true, force: true });
      const strict = await runChild(['convert', target, '--to', 'TSV_IOB', '--out', box.out, '--strict']);
      expect(strict.code).toBe(1);
      expect(await expectClean(box)).toEqual([]);
    });
  }
});
