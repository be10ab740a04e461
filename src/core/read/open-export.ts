import type { Cabinet, Document, JsonValue } from '../model/types.js';
import type { DocumentSource } from './context.js';
import type { DocumentRef, IgnoredEntry, LoadUse, OpenedInput, OpenOptions, ProjectRef } from './input.js';
import { InputError, isInputError } from '../errors.js';
import { projectFolderName } from '../model/naming.js';
import { checkEntries, readZipIndex, resolveLimits } from './zip-entries.js';
import { entryArray, type EntryList, type RawEntry } from './entry-list.js';
import { zipEntryList } from './zip-entry-list.js';
import { EntryDocument, EntryIndex } from './entry-documents.js';
import { sortEntryPositions } from './entry-order.js';
import { defaultZipCodec } from './zip-codec.js';
import type { ByteSource } from './zip-source.js';
import { documentNameFromFile, placeEntry, splitProjectFolder } from './layout.js';
import { describeIgnored } from './ignored-entries.js';
import { parseDocumentBytes, parseDocumentValue } from './parse-document.js';
import { hasByteOrderMark, parseJsonText } from './json-text.js';
import { applySourceTextLater } from './source-text.js';
import { checkInputFormat } from './detect.js';
import { decodeUtf8, reportInvalidUtf8 } from './utf8.js';
import { loadStreamedRows, scanRowDocument, scannedKinds, STREAM_ROWS_ABOVE } from './streamed-document.js';
import type { RowScan } from './row-stream.js';

/**
 * Turning an input's files into projects and document references, wherever the files come from
 * (a ZIP's entries, a folder on disk, files handed over in memory). Nothing here reads a file
 * system: the Node adapter (`src/node/open-input.ts`) lists folders and opens files.
 */

export type { EntryList, RawEntry };

/** Files that are documents (content detection decides which format: detect.ts). */
export const DOCUMENT_FILE = /\.(json|jsonl|csv|tsv|conll|iob|xlsx)$/i;
/** Documents read as bytes (binary containers): an XLSX workbook is a ZIP, but a document. */
export const BINARY_DOCUMENT = /\.xlsx$/i;

/**
 * Opens a ZIP from its bytes by position: only the central directory is read here; each entry is
 * read, inflated and CRC-checked when its document is loaded, so memory does not grow with the
 * archive.
 */
export async function openZipSource(source: ByteSource, file: string, options: OpenOptions = {}): Promise<OpenedInput> {
  checkInputFormat(options.inputFormat);
  const limits = resolveLimits(options.limits);
  const codec = options.codec ?? defaultZipCodec();
  const directory = await readZipIndex(source, file);
  checkEntries(directory, file, limits);
  const entries = zipEntryList(directory, source, file, codec, limits.maxEntryBytes);
  return assembleEntries(file, 'zip', entries, (p) => `${file}!${p}`, baseName(file).replace(/\.zip$/i, ''), options.inputFormat);
}

/**
 * Places every file in the export layout (FORMATS.md §1): project data is read now, documents are
 * references loaded one at a time. `display` names an entry in messages; documents outside any
 * project folder go to `fallbackFolder`.
 */
export async function assembleEntries(
  input: string,
  type: 'zip' | 'folder',
  files: readonly RawEntry[] | EntryList,
  display: (p: string) => string,
  fallbackFolder: string,
  inputFormat?: string,
  /** Files the caller already left out (a folder's FIFOs, sockets, links to folders). */
  skipped: readonly IgnoredEntry[] = [],
): Promise<OpenedInput> {
  const entries = isEntryList(files) ? files : entryArray(files);
  const ignored: IgnoredEntry[] = [...skipped];
  const projects = new Map<string, ProjectRef>();
  // The documents' positions, outside the JavaScript heap (entry-order.ts says why).
  const positions = new Uint32Array(entries.count);
  let documentCount = 0;
  const projectFor = (folder: string) => {
    let project = projects.get(folder);
    if (!project) projects.set(folder, (project = { folder, ...splitProjectFolder(folder) }));
    return project;
  };
  for (let i = 0; i < entries.count; i++) {
    const path = entries.path(i);
    const place = placeEntry(path);
    if (place.type === 'ignored') {
      ignored.push({ file: display(path), reason: place.reason });
      continue;
    }
    if (place.type === 'project-data') {
      const text = await readProjectData(entries, i);
      if (text === undefined) {
        // Too large to read here: like a skipped document, it costs the run nothing but the
        // project's title (the folder names the project, as without the file).
        ignored.push({ file: display(path), reason: 'larger than one file may be in this process (raise --max-entry-bytes if it is trusted)' });
        continue;
      }
      const value = parseJsonText(text, display(path)) as JsonValue;
      const project = projectFor(place.projectFolder);
      project.projectData = { text, value };
      const data = (value as { project?: { title?: unknown; id?: unknown } })?.project;
      if (data && typeof data.title === 'string') project.name = data.title;
      if (data && data.id !== undefined) project.id = String(data.id);
      continue;
    }
    if (!DOCUMENT_FILE.test(place.fileName)) continue;
    projectFor(place.projectFolder ?? fallbackFolder);
    positions[documentCount++] = i;
  }
  if (documentCount === 0) {
    const notRead = describeIgnored(ignored).map((line) => line.text);
    throw new InputError('EMPTY_INPUT', 'no export documents found', {
      file: input,
      expected: '<project>/<cabinet>/<document>.json (or .csv/.tsv) entries',
      hint: notRead.length ? `${notRead.join('; ')}.` : undefined,
    });
  }
  // Case-insensitive order, as the server sorts its entries (the names are made for the sort
  // only, a few at a time: entry-order.ts).
  const sortKey = (i: number) => display(entries.path(i)).toLowerCase();
  const folder = (i: number) => {
    const path = entries.path(i);
    return path.slice(0, path.lastIndexOf('/') + 1);
  };
  const index = new EntryIndex(entries, display, fallbackFolder, projects, inputFormat);
  const sorted = sortEntryPositions(positions.subarray(0, documentCount), sortKey, folder);
  const documents: DocumentRef[] = Array.from(sorted, (i) => new EntryDocument(index, i));
  return { path: input, type, projects: [...projects.values()], documents, ignored };
}

const isEntryList = (files: readonly RawEntry[] | EntryList): files is EntryList => !Array.isArray(files);

/** A `project-data.json`'s text, or undefined when it is past the per-file limit. */
async function readProjectData(entries: EntryList, index: number): Promise<string | undefined> {
  try {
    return await entries.entry(index).read();
  } catch (error) {
    if (isInputError(error) && error.code === 'LIMIT_EXCEEDED') return undefined;
    throw error;
  }
}

/** How a single document file is read, and its neighbours (`companion`) where it has any. */
export interface DocumentFileAccess {
  read(): Promise<string>;
  bytes(): Promise<Uint8Array>;
  companion?: (fileName: string) => string | undefined;
  /**
   * The file's size and its bytes in chunks, read anew on each call: with them a large row
   * document streams its rows (streamed-document.ts) when its caller's writers all can.
   */
  size?: number;
  chunks?: () => AsyncIterable<Uint8Array>;
}

/**
 * One document file (its format told by its content, or `inputFormat`) as a whole input. A JSON
 * file is read and parsed now (to name its project) and that value goes to the first load; a
 * second load reads it again (the text is not kept: on a 280 MB document it was held for the whole
 * run next to the model). A JSON file above `streamRowsAbove` that `access` can read in chunks is
 * scanned instead (streamed-document.ts): when it is a row document, its frame names the project
 * and a load for writers that stream rows gets `Document.rowStream`; any other load reads it whole.
 */
export async function openDocumentFile(file: string, access: DocumentFileAccess, inputFormat?: string, streamRowsAbove = STREAM_ROWS_ABOVE): Promise<OpenedInput> {
  checkInputFormat(inputFormat);
  if (!/\.json$/i.test(file) || inputFormat !== undefined) return singleDocument(file, access, inputFormat);
  const { chunks } = access;
  if (chunks && access.size !== undefined && access.size > streamRowsAbove) {
    // A large row document is scanned, not parsed: its frame names the project, and its rows are
    // parsed only when (and each time) a writer reads them.
    let scan: RowScan | undefined = await scanRowDocument(chunks);
    if (scan) {
      const load = async (source: DocumentSource, use?: LoadUse): Promise<Document> => {
        const frame = scan;
        // The frame (every answer of the document) is not held beyond the first load.
        scan = undefined;
        if (use?.rowStream) {
          const again = frame ?? (await scanRowDocument(chunks));
          if (again && (use.rowStream === true || use.rowStream(scannedKinds(again)))) return loadStreamedRows(again, file, { read: access.read, bytes: access.bytes, chunks }, source);
        }
        return readWholeJson(file, access, source);
      };
      return singleDocument(file, access, inputFormat, { peek: scan.frame, load });
    }
  }
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

/** A JSON document file read whole, as the small-file path reads it on open (the same errors and messages). */
async function readWholeJson(file: string, access: DocumentFileAccess, source: DocumentSource): Promise<Document> {
  const { text, invalid } = decodeUtf8(await access.bytes());
  const byteOrderMark = hasByteOrderMark(text);
  const value = parseJsonText(text, file);
  // (The scan took only an object envelope; an array is read from its text, as on open.)
  if (Array.isArray(value)) return parseDocumentBytes(await access.bytes(), source);
  if (invalid) reportInvalidUtf8(source.report, file, invalid);
  const doc = parseDocumentValue(value, source);
  await applySourceTextLater(doc, byteOrderMark, access.read, source.report, file);
  return doc;
}

/** An already-parsed JSON document (DATASAUR_SCHEMA, JSON_ADVANCED, JSON_TABULAR) as a whole input. */
export function openDocumentValue(file: string, value: unknown): OpenedInput {
  const never = async (): Promise<never> => {
    throw new Error('unreachable: a document handed over parsed is never read');
  };
  // No text: numbers are what the value holds, and there is no byte order mark to keep.
  return singleDocument(file, { read: never, bytes: never }, undefined, { peek: value, load: async (source) => parseDocumentValue(value, source) });
}

function singleDocument(file: string, access: DocumentFileAccess, inputFormat: string | undefined, json?: { peek: unknown; load: (source: DocumentSource, use?: LoadUse) => Promise<Document> }): OpenedInput {
  const documentName = documentNameFromFile(baseName(file));
  const cabinet: Cabinet = { role: 'REVIEW', folder: 'REVIEW' };
  // A bare document names its project only inside (DATASAUR_SCHEMA); peek at it for the folder.
  let project = { id: 'unknown', name: baseName(file).replace(/\.[^.]+$/, '') };
  const inside = (json?.peek as { data?: { project?: { id?: unknown; name?: unknown } } } | undefined)?.data?.project;
  if (inside && typeof inside.name === 'string') project = { id: String(inside.id), name: inside.name };
  const folder = projectFolderName(project.name, project.id);
  // Only the loader is kept: `json.peek` (a whole parsed document, or a row document's frame with
  // every answer) would otherwise live as long as the input.
  const loadJson = json?.load;
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
        load: async (report, use) => {
          const source: DocumentSource = { file, cabinet, documentName, report, inputFormat, companion: access.companion, project: /\.json$/i.test(file) ? undefined : Object.assign({}, project, { folder }) };
          if (loadJson) return loadJson(source, use);
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
