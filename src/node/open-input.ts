import { closeSync, existsSync, openSync, promises as fs, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import type { Cabinet, JsonValue } from '../core/model/types.js';
import type { DocumentRef, OpenedInput, OpenOptions, ProjectRef } from '../core/read/input.js';
import { InputError } from '../core/errors.js';
import { projectFolderName } from '../core/model/naming.js';
import { centralDirectoryOffset, checkEntries, DEFAULT_LIMITS, END_RECORD_SPAN, listZipEntries, type ArchiveLimits } from '../core/read/zip-entries.js';
import { inflateEntry, type ReadAt } from '../core/read/zip-inflate.js';
import { documentNameFromFile, placeEntry, splitProjectFolder } from '../core/read/layout.js';
import { parseDocumentBytes, parseDocumentText, parseDocumentValue } from '../core/read/parse-document.js';
import { hasByteOrderMark, parseJsonText } from '../core/read/json-text.js';
import { applySourceTextLater } from '../core/read/source-text.js';
import { checkInputFormat } from '../core/read/detect.js';

export { cabinetMatches } from '../core/read/input.js';
export type { DocumentRef, OpenedInput, OpenOptions, ProjectRef } from '../core/read/input.js';

/** Opens a ZIP, a folder in the export layout, or a single document file. */
export async function openInput(inputPath: string, options: OpenOptions = {}): Promise<OpenedInput> {
  checkInputFormat(options.inputFormat);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const stat = await fs.stat(inputPath).catch(() => null);
  if (!stat) throw new InputError('FILE_NOT_FOUND', 'no such file or folder', { file: inputPath, expected: 'an export ZIP, a folder or a document file' });
  const inputFormat = options.inputFormat;
  if (stat.isDirectory()) return openFolder(inputPath, limits, inputFormat);
  const head = readAt(inputPath)(0, 4);
  // An XLSX workbook is a ZIP too: it is a document, not an export archive.
  const zip = /\.zip$/i.test(inputPath) || (!BINARY_DOCUMENT.test(inputPath) && head.length === 4 && head.readUInt32LE(0) === 0x04034b50);
  if (zip) return openZip(inputPath, stat.size, limits, inputFormat);
  return openSingleFile(inputPath, await fs.readFile(inputPath), inputFormat);
}

/** Files that are documents (content detection decides which format: core/read/detect.ts). */
const DOCUMENT_FILE = /\.(json|jsonl|csv|tsv|conll|iob|xlsx)$/i;
/** Documents read as bytes (binary containers). */
const BINARY_DOCUMENT = /\.xlsx$/i;

/**
 * `readSync` serves companions: the PLAIN text a Comprehend or token CSV points into, read when
 * that CSV is parsed (core readers are synchronous).
 */
type RawEntry = { path: string; read: () => Promise<string>; bytes: () => Promise<Uint8Array>; readSync: () => string };

/** Reads byte ranges of a file, opening it for each read (a run holds no file open between documents). */
function readAt(file: string): ReadAt {
  return (position, length) => {
    const fd = openSync(file, 'r');
    try {
      const out = Buffer.allocUnsafe(length);
      return out.subarray(0, readSync(fd, out, 0, length, position));
    } finally {
      closeSync(fd);
    }
  };
}

/**
 * Only the archive's central directory is read here; each entry is read from the file, inflated
 * and CRC-checked when its document is loaded, so memory does not grow with the archive.
 */
async function openZip(file: string, size: number, limits: ArchiveLimits, inputFormat: string | undefined): Promise<OpenedInput> {
  const read = readAt(file);
  const tailStart = Math.max(0, size - END_RECORD_SPAN);
  const tail = read(tailStart, size - tailStart);
  const directory = centralDirectoryOffset(tail);
  // ZIP64 or damaged end records: the whole file, and listZipEntries finds its way or says why not.
  const entries =
    directory === null || directory > size
      ? listZipEntries(await fs.readFile(file), file)
      : listZipEntries(directory >= tailStart ? tail.subarray(directory - tailStart) : read(directory, size - directory), file, directory);
  checkEntries(entries, file, limits);
  const raw: RawEntry[] = entries
    .filter((e) => !e.isDirectory)
    .map((entry) => ({
      path: entry.name,
      read: async () => inflateEntry(read, entry, file).toString('utf8'),
      bytes: async () => inflateEntry(read, entry, file),
      readSync: () => inflateEntry(read, entry, file).toString('utf8'),
    }));
  return assemble(file, 'zip', raw, (p) => `${file}!${p}`, inputFormat);
}

async function openFolder(root: string, limits: ArchiveLimits, inputFormat: string | undefined): Promise<OpenedInput> {
  const raw: RawEntry[] = [];
  let total = 0;
  const walk = async (dir: string) => {
    const items = await fs.readdir(dir, { withFileTypes: true });
    for (const item of items) {
      const full = path.join(dir, item.name);
      if (item.isDirectory()) await walk(full);
      else if (item.isFile()) {
        if (raw.length >= limits.maxEntries) throw new InputError('LIMIT_EXCEEDED', `the folder has more than ${limits.maxEntries} files`, { file: root });
        total += (await fs.stat(full)).size;
        if (total > limits.maxTotalBytes) throw new InputError('LIMIT_EXCEEDED', `the folder holds more than ${limits.maxTotalBytes} bytes`, { file: root });
        raw.push({ path: path.relative(root, full).split(path.sep).join('/'), read: () => fs.readFile(full, 'utf8'), bytes: () => fs.readFile(full), readSync: () => readFileSync(full, 'utf8') });
      }
    }
  };
  await walk(root);
  if (raw.length === 0) throw new InputError('EMPTY_INPUT', 'the folder holds no files', { file: root, expected: 'an export folder with at least one document' });
  return assemble(root, 'folder', raw, (p) => path.join(root, p), inputFormat);
}

async function openSingleFile(file: string, buffer: Buffer, inputFormat: string | undefined): Promise<OpenedInput> {
  const text = buffer.toString('utf8');
  const byteOrderMark = hasByteOrderMark(text);
  const fileName = path.basename(file);
  const documentName = documentNameFromFile(fileName);
  const cabinet: Cabinet = { role: 'REVIEW', folder: 'REVIEW' };
  // A bare document names its project only inside (DATASAUR_SCHEMA); peek at it for the folder.
  let project = { id: 'unknown', name: path.basename(file).replace(/\.[^.]+$/, '') };
  // Parsed once here and handed to the first load: parsing a large document twice doubled its cost.
  let parsed: unknown;
  if (/\.json$/i.test(file) && inputFormat === undefined) {
    const value = (parsed = parseJsonText(text, file)) as { data?: { project?: { id?: unknown; name?: unknown } } };
    if (value?.data?.project && typeof value.data.project.name === 'string') project = { id: String(value.data.project.id), name: value.data.project.name };
  }
  const folder = projectFolderName(project.name, project.id);
  return {
    path: file,
    type: 'file',
    projects: [{ folder, ...project }],
    documents: [
      {
        file,
        projectFolder: folder,
        cabinet,
        documentName,
        load: async (report) => {
          const companion = (name: string) => {
            const next = path.join(path.dirname(file), name);
            return existsSync(next) ? readFileSync(next, 'utf8') : undefined;
          };
          const source = { file, cabinet, documentName, report, inputFormat, companion, project: /\.json$/i.test(file) ? undefined : { ...project, folder } };
          if (BINARY_DOCUMENT.test(file)) return parseDocumentBytes(await fs.readFile(file), source);
          // The text is not kept for a second load (it is read again): on a 280 MB document it
          // was held for the whole run next to the model.
          if (parsed === undefined) return parseDocumentText(await fs.readFile(file, 'utf8'), source);
          const value = parsed;
          parsed = undefined;
          const doc = parseDocumentValue(value, source);
          await applySourceTextLater(doc, byteOrderMark, () => fs.readFile(file, 'utf8'), report, file);
          return doc;
        },
      },
    ],
  };
}

async function assemble(input: string, type: 'zip' | 'folder', raw: RawEntry[], display: (p: string) => string, inputFormat: string | undefined): Promise<OpenedInput> {
  const byPath = new Map(raw.map((entry) => [entry.path, entry]));
  const projects = new Map<string, ProjectRef>();
  const documents: DocumentRef[] = [];
  const projectFor = (folder: string) => {
    let project = projects.get(folder);
    if (!project) projects.set(folder, (project = { folder, ...splitProjectFolder(folder) }));
    return project;
  };
  const fallbackFolder = path.basename(input).replace(/\.zip$/i, '');
  for (const entry of raw) {
    const place = placeEntry(entry.path);
    if (place.type === 'ignored') continue;
    if (place.type === 'project-data') {
      const text = await entry.read();
      const value = parseJsonText(text, display(entry.path)) as JsonValue;
      const project = projectFor(place.projectFolder);
      project.projectData = { text, value };
      const data = (value as { project?: { title?: unknown; id?: unknown } })?.project;
      if (data && typeof data.title === 'string') project.name = data.title;
      if (data && data.id !== undefined) project.id = String(data.id);
      continue;
    }
    if (!DOCUMENT_FILE.test(place.fileName)) continue;
    const folder = place.projectFolder ?? fallbackFolder;
    const project = projectFor(folder);
    const cabinet = place.cabinet ?? { role: 'REVIEW' as const, folder: 'REVIEW' };
    const file = display(entry.path);
    const documentName = documentNameFromFile(place.fileName);
    const folderOf = entry.path.slice(0, entry.path.lastIndexOf('/') + 1);
    const companion = (name: string) => byPath.get(folderOf + name)?.readSync();
    documents.push({
      file,
      projectFolder: folder,
      cabinet,
      documentName,
      load: async (report) => {
        const source = { file, cabinet, documentName, report, inputFormat, companion, project: { id: project.id, name: project.name, folder } };
        return BINARY_DOCUMENT.test(place.fileName) ? parseDocumentBytes(await entry.bytes(), source) : parseDocumentText(await entry.read(), source);
      },
    });
  }
  if (documents.length === 0) {
    throw new InputError('EMPTY_INPUT', 'no export documents found', { file: input, expected: '<project>/<cabinet>/<document>.json (or .csv/.tsv) entries' });
  }
  // Case-insensitive order, as the server sorts its entries.
  documents.sort((a, b) => a.file.toLowerCase().localeCompare(b.file.toLowerCase()));
  return { path: input, type, projects: [...projects.values()], documents };
}
