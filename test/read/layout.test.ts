import { readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { convertExport } from '../../src/core/index.js';
import { placeEntry } from '../../src/core/read/layout.js';

describe('placeEntry', () => {
  it('reads names that start with a dot inside the export layout (a project ".NET samples", a document ".env")', () => {
    expect(placeEntry('.NET samples-2/REVIEW/.env.json')).toEqual({ type: 'document', projectFolder: '.NET samples-2', cabinet: { role: 'REVIEW', folder: 'REVIEW' }, fileName: '.env.json' });
    expect(placeEntry('.NET samples-2/project-data.json')).toEqual({ type: 'project-data', projectFolder: '.NET samples-2' });
    expect(placeEntry('REVIEW/.hidden doc.txt.json')).toMatchObject({ type: 'document', projectFolder: null, fileName: '.hidden doc.txt.json' });
  });

  it('operating-system files are ignored as such, wherever they are', () => {
    for (const path of ['__MACOSX/P-1/REVIEW/._a.json', 'P-1/REVIEW/.DS_Store', '.DS_Store', 'P-1/REVIEW/._curie.txt.json', 'P-1/Thumbs.db', 'desktop.ini']) {
      expect(placeEntry(path), path).toEqual({ type: 'ignored', reason: 'operating-system file' });
    }
  });

  it('dot names outside the layout (tool folders) are not read, and say why', () => {
    for (const path of ['.git/config', '.vscode/settings.json', 'P-1/.cache.json', '.env.json']) {
      expect(placeEntry(path), path).toEqual({ type: 'ignored', reason: 'hidden file outside the export layout' });
    }
    expect(placeEntry('P-1/other/deeper/x.json')).toEqual({ type: 'ignored', reason: 'not in the export layout' });
  });
});

describe('files not read are named (InputFileIgnored)', () => {
  it('the in-memory conversion of a ZIP names its OS files (info) and a file outside the layout (warning), once per reason', async () => {
    const document = await readFile(path.resolve(__dirname, '../../fixtures/token-project/REVIEW/curie.txt.json'));
    const zip = new JSZip();
    zip.file('P-1/REVIEW/curie.txt.json', document);
    for (const junk of ['__MACOSX/P-1/REVIEW/._curie.txt.json', 'P-1/.DS_Store', 'P-1/REVIEW/Thumbs.db']) zip.file(junk, 'x');
    zip.file('P-1/notes/deep/x.json', '{}');
    const run = convertExport(await zip.generateAsync({ type: 'uint8array' }), { to: ['PLAIN'], name: 'e.zip' });
    const files: string[] = [];
    for await (const file of run) files.push(file.path);
    expect(files).toHaveLength(1);
    expect(run.report.all().filter((m) => m.kind === 'InputFileIgnored').map((m) => [m.severity, m.text])).toEqual([
      ['info', '3 file(s) not read: operating-system file: e.zip!__MACOSX/P-1/REVIEW/._curie.txt.json, e.zip!P-1/.DS_Store, e.zip!P-1/REVIEW/Thumbs.db'],
      ['warning', '1 file(s) not read: not in the export layout: e.zip!P-1/notes/deep/x.json'],
    ]);
  });
});
