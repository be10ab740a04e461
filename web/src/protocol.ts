/**
 * The messages between the page and its conversion worker. Only types: the page's main thread
 * never loads the converter; everything the core does happens in the worker.
 */
import type { ConversionMessage, FormatName, MAIN_OPTIONS, ProjectKind, ProjectSummary } from '../../src/core/index.js';

/** What was dropped or chosen: one file (ZIP or document), or the files of a folder with their paths. */
export type DroppedInput = { kind: 'file'; file: File } | { kind: 'files'; name: string; files: Array<{ path: string; file: File }> };

/** The CLI's table of the main options (cabinet, scheme, overlap, label set). */
export type MainOptions = typeof MAIN_OPTIONS;

export interface PageSettings {
  to: FormatName[];
  cabinet: string;
  scheme: string;
  overlap: string;
  /** A label set's index or name; undefined = the first. */
  labelSet?: number | string;
}

export interface FormatInfo {
  name: FormatName;
  kinds: readonly ProjectKind[];
  extension: string;
  description: string;
}

/** A project as `inspect` counts it (the core's summary; it crosses the worker boundary as is). */
export type InspectedProject = ProjectSummary;

/** An error that stopped the work: an input error's one paragraph (file, place, expected) and code. */
export interface ProblemInfo {
  message: string;
  code?: string;
}

export type ToWorker =
  | { type: 'inspect'; id: number; input: DroppedInput }
  | { type: 'convert'; id: number; input: DroppedInput; settings: PageSettings }
  | { type: 'zip'; id: number; files: Array<{ path: string; blob: Blob }> };

export type FromWorker =
  /** Sent once the worker and every module it may need are loaded. */
  | { type: 'ready'; formats: FormatInfo[]; options: MainOptions }
  /** Sent once the PDF fonts are fetched (or could not be: PDFs cannot be written then). */
  | { type: 'fonts'; error?: ProblemInfo }
  | { type: 'inspected'; id: number; input: string; inputType: 'zip' | 'folder' | 'file'; projects: InspectedProject[]; problems: ConversionMessage[] }
  | { type: 'progress'; id: number; done: number; total: number; document: string }
  | { type: 'file'; id: number; path: string; format: string; blob: Blob }
  | { type: 'converted'; id: number; problems: ConversionMessage[]; exitCode: 0 | 1; converted: number; skipped: number }
  | { type: 'zipped'; id: number; blob: Blob }
  | { type: 'failed'; id: number; error: ProblemInfo };
