import { promises as fs } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { expectClean, expectCleanError, readReport, runChild, sandbox } from './harness.js';

/**
 * Issue 14 item 7: project folders and documents whose names start with a dot (`.NET samples-2/`,
 * `.env.json`) were skipped without a word. They are read (inside the export layout); OS junk
 * (`__MACOSX/`, `.DS_Store`) stays unread and is named once (info).
 */
const FIXTURE = path.resolve(__dirname, '../../fixtures/token-project/REVIEW/curie.txt.json');

async function documentNamed(name: string): Promise<string> {
  const value = JSON.parse(await fs.readFile(FIXTURE, 'utf8')) as { data: { document: { name: string }; project: { id: string; name: string } } };
  value.data.document.name = name;
  value.data.project = { id: '2', name: '.NET samples' };
  return JSON.stringify(value);
}

/** The export layout with dot names, plus what macOS adds when it zips a folder. */
async function entries(): Promise<Record<string, string>> {
  return {
    '.NET samples-2/project-data.json': JSON.stringify({ project: { id: '2', title: '.NET samples' } }),
    '.NET samples-2/REVIEW/.env.json': await documentNamed('.env'),
    '.NET samples-2/REVIEW/program.cs.json': await documentNamed('program.cs'),
    '.NET samples-2/REVIEW/.DS_Store': 'Bud1',
    '__MACOSX/.NET samples-2/REVIEW/._program.cs.json': 'AppleDouble',
    '.DS_Store': 'Bud1',
  };
}

/** Both documents converted; the `InputFileIgnored` messages are returned for the caller to check. */
async function expectDotNamesRead(box: Awaited<ReturnType<typeof sandbox>>, run: { code: number | null; stderr: string }): Promise<Array<[string, string]>> {
  expectCleanError(run.stderr);
  expect(run.code, run.stderr).toBe(0);
  const files = await expectClean(box);
  expect(files.sort()).toEqual([path.join('PLAIN', '.NET samples-2', 'REVIEW', '.env.txt'), path.join('PLAIN', '.NET samples-2', 'REVIEW', 'program.cs.txt')]);
  return (await readReport(box.report)).filter((m) => m.kind === 'InputFileIgnored').map((m) => [m.severity, m.text]);
}

const OS_FILES = ['info', expect.stringMatching(/^3 file\(s\) not read: operating-system file: .*\.DS_Store/)];

describe('item 7: names that start with a dot', () => {
  it('a ZIP: the .NET project and its .env document are converted; __MACOSX/ and .DS_Store named once (info)', async () => {
    const box = await sandbox('item07-zip');
    const zip = new JSZip();
    for (const [name, text] of Object.entries(await entries())) zip.file(name, text);
    await fs.writeFile(box.input('dotnet.zip'), await zip.generateAsync({ type: 'nodebuffer' }));
    const ignored = await expectDotNamesRead(box, await runChild(['convert', box.input('dotnet.zip'), '--to', 'PLAIN', '--out', box.out, '--report', box.report]));
    expect(ignored).toEqual([OS_FILES]);
  });

  it('a folder: the same, and a tool folder (.git/) is named, not read', async () => {
    const box = await sandbox('item07-folder');
    for (const [name, text] of Object.entries(await entries())) {
      await fs.mkdir(path.dirname(box.input('export', name)), { recursive: true });
      await fs.writeFile(box.input('export', name), text);
    }
    await fs.mkdir(box.input('export', '.git'));
    await fs.writeFile(box.input('export', '.git', 'config'), '[core]');
    const ignored = await expectDotNamesRead(box, await runChild(['convert', box.input('export'), '--to', 'PLAIN', '--out', box.out, '--report', box.report]));
    expect(ignored).toEqual([OS_FILES, ['info', expect.stringMatching(/^1 file\(s\) not read: hidden file outside the export layout: .*\.git\/config/)]]);
  });
});
