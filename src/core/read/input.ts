import type { Cabinet, Document, JsonValue, ProjectKind } from '../model/types.js';
import type { Report } from '../report/report.js';
import type { ArchiveLimits } from './zip-entries.js';
import type { IgnoredReason } from './layout.js';
import type { ZipCodec } from './zip-codec.js';

/** A document of the input, not yet parsed: inputs are read one document at a time. */
export interface DocumentRef {
  /** `export.zip!Project-id/REVIEW/lorem.txt.json` or a file path. */
  file: string;
  projectFolder: string;
  cabinet: Cabinet;
  documentName: string;
  /** Bytes of the input behind it (a ZIP entry's compressed size, a file's size), for progress displays; absent where unknown. */
  inputBytes?: number;
  /** `use` says how the caller will use the document (a large row document may then stream its rows). */
  load(report?: Report, use?: LoadUse): Promise<Document>;
}

/** What the caller of `DocumentRef.load` will do with the document. */
export interface LoadUse {
  /**
   * Every writer it runs takes rows as a stream (`FormatWriter.streamsRows`): a large row document
   * of a single file is then given with `Document.rowStream` instead of its rows in memory. A
   * function is asked with the document's kinds, read from the file's frame before its rows (the
   * writers that run on a document are those of its kinds).
   */
  rowStream?: boolean | ((kinds: readonly ProjectKind[]) => boolean);
}

export interface ProjectRef {
  folder: string;
  id: string;
  name: string;
  /** `project-data.json`, verbatim. */
  projectData?: { text: string; value: JsonValue };
}

export interface OpenedInput {
  path: string;
  type: 'zip' | 'folder' | 'file';
  projects: ProjectRef[];
  documents: DocumentRef[];
  /** Files of the input that are not read, and why (reported by `reportIgnoredEntries`). */
  ignored?: IgnoredEntry[];
}

export interface IgnoredEntry {
  /** As messages name files: `export.zip!__MACOSX/…` or a path. */
  file: string;
  reason: IgnoredReason;
}

export interface OpenOptions {
  limits?: Partial<ArchiveLimits>;
  /** `--input-format NAME`: read every document file as this format instead of detecting it. */
  inputFormat?: string;
  /** How ZIP entries are inflated and checked; default `defaultZipCodec()` (zlib's in Node). */
  codec?: ZipCodec;
  /**
   * Internal (tests): a single JSON file above this many bytes is scanned as a possible streamed
   * row document (default `STREAM_ROWS_ABOVE`, read/open-export.ts).
   */
  streamRowsAbove?: number;
}

/** The keys that select cabinets on the command line: REVIEW, ROOT, a labeler's e-mail, or all. */
export function cabinetMatches(cabinet: Cabinet, selector: string): boolean {
  const wanted = selector.trim();
  if (wanted.toLowerCase() === 'all') return true;
  if (wanted.toUpperCase() === 'REVIEW') return cabinet.role === 'REVIEW';
  if (wanted.toUpperCase() === 'ROOT') return cabinet.role === 'ROOT';
  if (wanted === cabinet.folder) return true;
  const user = wanted.replace(/[.@]/g, '_');
  return cabinet.role === 'DOCUMENT' && cabinet.user === user;
}
