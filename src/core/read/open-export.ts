import type { Cabinet, Document, JsonValue } from '../model/types.js';
import type { DocumentSource } from './context.js';
import type { DocumentRef, IgnoredEntry, OpenedInput, OpenOptions, ProjectRef } from './input.js';
import { InputError } from '../errors.js';
import { projectFolderName } from '../model/naming.js';
import { checkEntries, entryTooLarge, readZipDirectory, resolveLimits, type ZipEntryInfo } from './zip-entries.js';
import { inflateEntry, inflateEntrySync } from './zip-inflate.js';
import { defaultZipCodec } from './zip-codec.js';
import type { ByteSource } from './zip-source.js';
import { documentNameFromFile, placeEntry, splitProjectFolder } from './layout.js';
import { describeIgnored } from './ignored-entries.js';
import { parseDocumentBytes, parseDocumentValue } from './parse-document.js';
import { hasByteOrderMark, parseJsonText } from './json-text.js';
import { applySourceTextLater } from './source-text.js';
import { checkInputFormat } from './detect.js';
import { decodeUtf8, reportInvalidUtf8 } from './utf8.js';
import { decodeText } from './decode.js';

/**
 * Turning an input's files into projects and document references, wherever the files come from
 * (a ZIP's entries, a folder on disk, files handed over in memory). Nothing here reads a file
 * system: the Node adapter (`src/node/open-input.ts`) lists folders and opens files.
 */

/** Files that are documents (content detection decides which format: detect.ts). */
export const DOCUMENT_FILE = /\.(json|jsonl|csv|tsv|conll|iob|xlsx)$/i;
/** Documents read as bytes (binary containers): an XLSX workbook is a ZIP, but a document. */
export const BINARY_DOCUMENT = /\.xlsx$/i;

/** One file of an export, read when its document is loaded. */
export interface RawEntry {
  /** Path inside the export, with `/` (`Project-id/REVIEW/lorem.txt.json`). */
  path: string;
  read(): Promise<string>;
  bytes(): Promise<Uint8Array>;
  /**
   * The text at once, for companions (the PLAIN text a Comprehend or token CSV points into, asked
   * for while that CSV is parsed: readers are synchronous). Absent where reads are asynchronous.
   */
  readSync?(): string;
  /** Bytes of the input it occupies (a ZIP entry's compressed size, a file's size), where known. */
  size?: number;
}

/**
 * Opens a ZIP from its bytes by position: only the central directory is read here; each entry is
 * read, inflated and CRC-checked when its document is loaded, so memory does not grow with the
 * archive.
 */
export async function openZipSource(source: ByteSource, file: string, options: OpenOptions = {}): Promise<OpenedInput> {
  checkInputFormat(options.inputFormat);
  const limits = resolveLimits(options.limits);
  const codec = options.codec ?? defaultZipCodec();
  const entries = await readZipDirectory(source, file);
  checkEntries(entries, file, limits);
  const readSync = source.readSync?.bind(source);
  // An entry larger than one document may be is refused before anything is inflated: that
  // document is skipped and named, the others are read (issue 14 item 1).
  const fits = (entry: ZipEntryInfo) => {
    if (entry.uncompressedSize > limits.maxEntryBytes) throw entryTooLarge(`${file}!${entry.name}`, entry.uncompressedSize, limits.maxEntryBytes);
  };
  const raw: RawEntry[] = entries
    .filter((e) => !e.isDirectory)
    .map((entry) => ({
      path: entry.name,
      read: async () => (fits(entry), decodeText(await inflateEntry(source, entry, file, codec))),
      bytes: async () => (fits(entry), inflateEntry(source, entry, file, codec)),
      readSync: readSync && (() => (fits(entry), decodeText(inflateEntrySync(readSync, source.size, entry, file, codec)))),
      size: entry.compressedSize,
    }));
  return assembleEntries(file, 'zip', raw, (p) => `${file}!${p}`, baseName(file).replace(/\.zip$/i, ''), options.inputFormat);
}

/**
 * Places every file in the export layout (FORMATS.md §1): project data is read now, documents are
 * references loaded one at a time. `display` names an entry in messages; documents outside any
 * project folder go to `fallbackFolder`.
 */
export async function assembleEntries(
  input: string,
  type: 'zip' | 'folder',
  raw: readonly RawEntry[],
  display: (p: string) => string,
  fallbackFolder: string,
  inputFormat?: string,
  /** Files the caller already left out (a folder's FIFOs, sockets, links to folders). */
  skipped: readonly IgnoredEntry[] = [],
): Promise<OpenedInput> {
  const ignored: IgnoredEntry[] = [...skipped];
  const byPath = new Map(raw.map((entry) => [entry.path, entry]));
  const projects = new Map<string, ProjectRef>();
  const documents: DocumentRef[] = [];
  const projectFor = (folder: string) => {
    let project = projects.get(folder);
    if (!project) projects.set(folder, (project = { folder, ...splitProjectFolder(folder) }));
    return project;
  };
  for (const entry of raw) {
    const place = placeEntry(entry.path);
    if (place.type === 'ignored') {
      ignored.push({ file: display(entry.path), reason: place.reason });
      continue;
    }
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
    const companion = (name: string) => {
      const next = byPath.get(folderOf + name);
      if (!next) return undefined;
      if (!next.readSync) {
        throw new InputError('UNSUPPORTED', `the companion file "${name}" cannot be read from an input given as a Blob or stream`, {
          file: display(next.path),
          hint: 'Pass the export as bytes (Uint8Array) or a path instead.',
        });
      }
      return next.readSync();
    };
    documents.push({
      file,
      projectFolder: folder,
      cabinet,
      documentName,
      inputBytes: entry.size,
      load: async (report) => {
        const source = { file, cabinet, documentName, report, inputFormat, companion, project: { id: project.id, name: project.name, folder } };
        // From the bytes: a binary container by its reader, text decoded with invalid UTF-8 named (utf8.ts).
        return parseDocumentBytes(await entry.bytes(), source);
      },
    });
  }
  if (documents.length === 0) {
    const notRead = describeIgnored(ignored).map((line) => line.text);
    throw new InputError('EMPTY_INPUT', 'no export documents found', {
      file: input,
      expected: '<project>/<cabinet>/<document>.json (or .csv/.tsv) entries',
      hint: notRead.length ? `${notRead.join('; ')}.` : undefined,
    });
  }
  // Case-insensitive order, as the server sorts its entries.
  documents.sort((a, b) => a.file.toLowerCase().localeCompare(b.file.toLowerCase()));
  return { path: input, type, projects: [...projects.values()], documents, ignored };
}

/** How a single document file is read, and its neighbours (`companion`) where it has any. */
export interface DocumentFileAccess {
  read(): Promise<string>;
  bytes(): Promise<Uint8Array>;
  companion?: (fileName: string) => string | undefined;
}

/**
 * One document file (its format told by its content, or `inputFormat`) as a whole input. A JSON
 * file is read and parsed now (to name its project) and that value goes to the first load; a
 * second load reads it again (the text is not kept: on a 280 MB document it was held for the whole
 * run next to the model).
 */
export async function openDocumentFile(file: string, access: DocumentFileAccess, inputFormat?: string): Promise<OpenedInput> {
  checkInputFormat(inputFormat);
  if (!/\.json$/i.test(file) || inputFormat !== undefined) return singleDocument(file, access, inputFormat);
  const { text, invalid } = decodeUtf8(await access.bytes());
  // The byte order mark is noted now; the text is read again only when the reader kept a number
  // a double cannot reproduce (source-text.ts).
  const byteOrderMark = hasByteOrderMark(text);
  let parsed: unknown = parseJsonText(text, file);
  // A JSON_TABULAR array is read from its text: its column order is the keys' order in the file
  // (a parsed object lists integer-like keys first).
  if (Array.isArray(parsed)) parsed = undefined;
  const load = async (source: DocumentSource): Promise<Document> => {
    if (parsed === undefined) return parseDocumentBytes(await access.bytes(), source);
    const value = parsed;
    parsed = undefined;
    // Invalid UTF-8 found when the file was opened is named with the document's report.
    if (invalid) reportInvalidUtf8(source.report, file, invalid);
    const doc = parseDocumentValue(value, source);
    await applySourceTextLater(doc, byteOrderMark, access.read, source.report, file);
    return doc;
  };
  return singleDocument(file, access, inputFormat, { peek: parsed, load });
}

/** An already-parsed JSON document (DATASAUR_SCHEMA, JSON_ADVANCED, JSON_TABULAR) as a whole input. */
export function openDocumentValue(file: string, value: unknown): OpenedInput {
  const never = async (): Promise<never> => {
    throw new Error('unreachable: a document handed over parsed is never read');
  };
  // No text: numbers are what the value holds, and there is no byte order mark to keep.
  return singleDocument(file, { read: never, bytes: never }, undefined, { peek: value, load: async (source) => parseDocumentValue(value, source) });
}

function singleDocument(file: string, access: DocumentFileAccess, inputFormat: string | undefined, json?: { peek: unknown; load: (source: DocumentSource) => Promise<Document> }): OpenedInput {
  const documentName = documentNameFromFile(baseName(file));
  const cabinet: Cabinet = { role: 'REVIEW', folder: 'REVIEW' };
  // A bare document names its project only inside (DATASAUR_SCHEMA); peek at it for the folder.
  let project = { id: 'unknown', name: baseName(file).replace(/\.[^.]+$/, '') };
  const inside = (json?.peek as { data?: { project?: { id?: unknown; name?: unknown } } } | undefined)?.data?.project;
  if (inside && typeof inside.name === 'string') project = { id: String(inside.id), name: inside.name };
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
          const source: DocumentSource = { file, cabinet, documentName, report, inputFormat, companion: access.companion, project: /\.json$/i.test(file) ? undefined : { ...project, folder } };
          if (json) return json.load(source);
          return parseDocumentBytes(await access.bytes(), source);
        },
      },
    ],
  };
}

/** The last part of a path, with `/` or `\` separators. */
export function baseName(file: string): string {
  return file.replace(/[\\/]+$/, '').replace(/^.*[\\/]/, '');
}
