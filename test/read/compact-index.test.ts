import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { openExport } from '../../src/core/export-input.js';
import { entryArray } from '../../src/core/read/entry-list.js';
import { PathLookup } from '../../src/core/read/path-lookup.js';
import { readZipIndex } from '../../src/core/read/zip-entries.js';
import { bytesSource } from '../../src/core/read/zip-source.js';

/**
 * The input's index holds no object per ZIP entry (issues 14 and 15): names come from the central
 * directory's bytes, documents are (index, position) pairs. What a reference says must be what the
 * per-entry objects said.
 */
const doc = (name: string) => JSON.stringify({ version: 1, data: { document: { id: name, name }, tokens: [] } });

describe('the compact input index', () => {
  it('names documents, cabinets and projects as the layout places them, in the server order', async () => {
    const zip = zipSync({
      'P-1/REVIEW/b.txt.json': strToU8(doc('b')),
      'P-1/REVIEW/A.txt.json': strToU8(doc('A')),
      'P-1/ROOT-lab_example.com/a.txt.json': strToU8(doc('a')),
      'P-1/REVIEW/': new Uint8Array(0),
      'loose.txt.json': strToU8(doc('loose')),
      '__MACOSX/._x': new Uint8Array(1),
    });
    const opened = await openExport(zip, { name: 'e.zip' });
    expect(opened.documents.map((d) => [d.file, d.projectFolder, d.cabinet, d.documentName])).toEqual([
      ['e.zip!loose.txt.json', 'e', { role: 'REVIEW', folder: 'REVIEW' }, 'loose.txt'],
      ['e.zip!P-1/REVIEW/A.txt.json', 'P-1', { role: 'REVIEW', folder: 'REVIEW' }, 'A.txt'],
      ['e.zip!P-1/REVIEW/b.txt.json', 'P-1', { role: 'REVIEW', folder: 'REVIEW' }, 'b.txt'],
      ['e.zip!P-1/ROOT-lab_example.com/a.txt.json', 'P-1', { role: 'ROOT', user: 'lab_example.com', folder: 'ROOT-lab_example.com' }, 'a.txt'],
    ]);
    expect(opened.ignored).toEqual([{ file: 'e.zip!__MACOSX/._x', reason: 'operating-system file' }]);
    // One cabinet object per folder, whatever the document asked.
    expect(opened.documents[1].cabinet).toBe(opened.documents[2].cabinet);
    expect(opened.documents.every((d) => typeof d.inputBytes === 'number')).toBe(true);
  });

  it('reads the directory fields as the per-entry objects had them', async () => {
    const zip = zipSync({ 'a/b.json': strToU8('{"x":1}'), 'a/': new Uint8Array(0), 'é.json': strToU8('{}') }, { level: 6 });
    const directory = await readZipIndex(bytesSource(zip), 'x.zip');
    expect(directory.count).toBe(3);
    expect([0, 1, 2].map((i) => [directory.name(i), directory.isDirectory(i)])).toEqual([
      ['a/b.json', false],
      ['a/', true],
      ['é.json', false],
    ]);
    expect(directory.entries().map((e) => [e.name, e.uncompressedSize, e.isDirectory])).toEqual([
      ['a/b.json', 7, false],
      ['a/', 0, true],
      ['é.json', 2, false],
    ]);
  });

  it('finds a companion by path; the later of two equal paths wins, as a map built in order had it', () => {
    const raw = ['p/a.csv', 'p/a.txt', 'q/a.txt', 'p/a.txt'].map((path) => ({ path, read: async () => '', bytes: async () => new Uint8Array(0) }));
    const lookup = new PathLookup(entryArray(raw));
    expect(lookup.find('p/a.txt')).toBe(3);
    expect(lookup.find('q/a.txt')).toBe(2);
    expect(lookup.find('p/a.csv')).toBe(0);
    expect(lookup.find('p/b.txt')).toBeUndefined();
  });
});
