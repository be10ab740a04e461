import { mkdtempSync, readdirSync, readFileSync, rmSync, type Dirent } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { ALL_FORMAT_NAMES, contentBytes, convertExport, readExport, writeFormat, type ConvertedFile, type FormatName } from '../../src/core/index.js';
import { convert } from '../../src/node/convert.js';
import { readInput } from '../../src/node/read-input.js';
import { sampleZips } from '../helpers/samples.js';
import { lockFileSystem } from './no-file-system.js';

const zips = await sampleZips();
/** Every format but CUSTOM, which needs an export transformer (its in-memory run: test/custom). */
const FORMATS = ALL_FORMAT_NAMES.filter((name) => name !== 'CUSTOM');
const out = mkdtempSync(path.join(tmpdir(), 'in-memory-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Every output of a run as relative path → comparable content (strings and streams read to bytes). */
async function collect(run: AsyncIterable<ConvertedFile>): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for await (const file of run) files[file.path] = await comparable(file.path, await contentBytes(file.content));
  return files;
}

/**
 * A file's bytes as base64; an XLSX as its parts, without `docProps/core.xml` (exceljs stamps the
 * time of writing there and on every part of the archive, so two runs never have the same bytes).
 */
async function comparable(name: string, bytes: Uint8Array): Promise<string> {
  if (!name.endsWith('.xlsx')) return Buffer.from(bytes).toString('base64');
  const zip = await JSZip.loadAsync(bytes);
  const parts = await Promise.all(Object.values(zip.files).filter((f) => f.name !== 'docProps/core.xml').map(async (f) => [f.name, await f.async('string')]));
  return JSON.stringify(parts.sort());
}

beforeAll(async () => {
  // Modules loaded on first use (exceljs, pdfkit) and the PDF's fonts (through the Node font
  // loader) are read from disk once per process: load them before the file system is locked.
  // What is checked below is that converting an input in memory reads and writes no file.
  for (const sample of ['row-project-1.zip', 'Project 1.zip']) await collect(convertExport(readFileSync(zips.find((z) => z.endsWith(sample))!), { to: 'all', cabinet: 'all' }));
});

/** The files `convert` wrote under `dir` (it reports their count, not every path). */
const writtenFiles = (dir: string) => (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[]).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));

describe('the in-memory API', () => {
  it.each(zips.map((zip) => [path.relative(path.dirname(path.dirname(zip)), zip), zip]))(
    'converts %s from a Uint8Array with the file system locked, to the same files and report as the path-based convert',
    async (_name, zip) => {
      const dir = path.join(out, path.basename(zip));
      const expected = await convert({ input: zip, to: FORMATS, outDir: dir, cabinet: 'all' });
      expect(writtenFiles(dir)).toHaveLength(expected.written);
      const expectedFiles = Object.fromEntries(
        await Promise.all(writtenFiles(dir).map(async (f) => [path.relative(dir, f).split(path.sep).join('/'), await comparable(f, await readFile(f))])),
      );
      const bytes = new Uint8Array(readFileSync(zip));

      const unlock = lockFileSystem();
      let files: Record<string, string>;
      const run = convertExport(bytes, { to: FORMATS, cabinet: 'all', name: zip });
      try {
        files = await collect(run);
      } finally {
        unlock();
      }
      expect(Object.keys(files).sort()).toEqual(Object.keys(expectedFiles).sort());
      expect(files).toEqual(expectedFiles);
      expect(run.report.messages).toEqual(expected.report.messages);
      expect(run.documents).toEqual(expected.documents);
      expect(run.exitCode).toBe(expected.exitCode);
    },
    // The audio sample writes 40 PDFs twice (path-based and in memory): minutes on a busy machine.
    300_000,
  );

  it('proves the lock works: a path-based read fails while it holds', async () => {
    const unlock = lockFileSystem();
    try {
      await expect(readInput(zips[0])).rejects.toThrow(/the file system was used/);
    } finally {
      unlock();
    }
  });

  it('reads the same documents from bytes, an ArrayBuffer, a Blob, a ReadableStream and a file list', async () => {
    const zip = zips.find((z) => z.endsWith('Project 1.zip'))!;
    const bytes = new Uint8Array(readFileSync(zip));
    const expected = await readInput(zip);
    const names = (result: { documents: { name: string; cabinet: { folder: string }; rows: unknown[] }[] }) => result.documents.map((d) => `${d.cabinet.folder}/${d.name}:${d.rows.length}`);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 1000) controller.enqueue(bytes.slice(at, at + 1000));
        controller.close();
      },
    });
    const archive = await JSZip.loadAsync(bytes);
    const files = await Promise.all(Object.values(archive.files).filter((f) => !f.dir).map(async (f) => ({ path: f.name, content: await f.async('uint8array') })));
    for (const input of [bytes, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), new Blob([bytes]), stream, files]) {
      const result = await readExport(input as Uint8Array, { name: zip });
      expect(names(result)).toEqual(names(expected));
      expect(result.projects.map((p) => p.folder)).toEqual(expected.projects.map((p) => p.folder));
    }
  });

  it('reads one document from its bytes or its parsed JSON, and writes it in one format', async () => {
    const [zip] = zips.filter((z) => z.endsWith('Project 1.zip'));
    const { documents } = await readInput(zip, { cabinet: 'REVIEW' });
    const { files: [json] } = await writeFormat(documents[0], 'DATASAUR_SCHEMA');
    const text = json.content as string;
    const fromBytes = await readExport(new TextEncoder().encode(text));
    const fromValue = await readExport(JSON.parse(text) as Record<string, unknown>);
    for (const result of [fromBytes, fromValue]) {
      expect(result.documents).toHaveLength(1);
      const { files, report } = await writeFormat(result.documents[0], 'TSV_IOB');
      const direct = await writeFormat(documents[0], 'TSV_IOB');
      expect(files.map((f) => f.content)).toEqual(direct.files.map((f) => f.content));
      expect(report.messages.map((m) => m.kind)).toEqual(direct.report.messages.map((m) => m.kind));
    }
  });

  it('names a format that does not fit the document instead of writing it', async () => {
    const { documents } = await readInput(zips.find((z) => z.endsWith('row-project-1.zip'))!, { cabinet: 'REVIEW' });
    const { files, report } = await writeFormat(documents[0], 'TSV_IOB');
    expect(files).toEqual([]);
    expect(report.messages.map((m) => m.kind)).toEqual(['FormatNotApplicable']);
  });

  it('refuses an unknown format name given at run time (from JavaScript) before reading the input', () => {
    expect(() => convertExport(new Uint8Array(), { to: ['TSV_IOBX' as FormatName] })).toThrow(/unknown or unavailable format "TSV_IOBX"/);
  });
});
