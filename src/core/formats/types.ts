import type { Document, ProjectKind } from '../model/types.js';
import type { Report } from '../report/report.js';
import type { ConvertOptions } from './options.js';

/** Datasaur's export format names. */
export type FormatName =
  | 'DATASAUR_SCHEMA'
  | 'JSON_ADVANCED'
  | 'TSV_IOB'
  | 'TSV_NON_IOB'
  | 'XLSX'
  | 'CSV'
  | 'TSV'
  | 'JSON_TABULAR'
  | 'AMAZON_COMPREHEND_CSV'
  | 'AZURE_AUTOML_CSV'
  | 'GCP_VERTEX_AI_CSV'
  | 'PLAIN'
  | 'SPAN_AND_ARROW_VISUALIZATION'
  | 'CUSTOM'
  // Training-ready formats the server does not have (issue 13), `formats/ml/`.
  | 'HF_TOKEN_CLASSIFICATION'
  | 'HF_TEXT_CLASSIFICATION'
  | 'SPACY_JSONL'
  | 'CONLL_2003'
  | 'COCO'
  | 'YOLO';

/** The export formats of Datasaur's server (the export API's `format` values). */
export const SERVER_FORMAT_NAMES: readonly FormatName[] = [
  'DATASAUR_SCHEMA',
  'JSON_ADVANCED',
  'TSV_IOB',
  'TSV_NON_IOB',
  'XLSX',
  'CSV',
  'TSV',
  'JSON_TABULAR',
  'AMAZON_COMPREHEND_CSV',
  'AZURE_AUTOML_CSV',
  'GCP_VERTEX_AI_CSV',
  'PLAIN',
  'SPAN_AND_ARROW_VISUALIZATION',
  'CUSTOM',
];

/** Every format this tool writes: the server's, then the training-ready ones it adds. */
export const ALL_FORMAT_NAMES: readonly FormatName[] = [
  ...SERVER_FORMAT_NAMES,
  'HF_TOKEN_CLASSIFICATION',
  'HF_TEXT_CLASSIFICATION',
  'SPACY_JSONL',
  'CONLL_2003',
  'COCO',
  'YOLO',
];

/** Bytes, text (written as UTF-8) or a stream of chunks for large outputs (XLSX, PDF, big CSV). */
export type OutputContent = string | Uint8Array | AsyncIterable<string | Uint8Array>;

export interface OutputFile {
  /**
   * Path relative to the folder the caller chose for this document's cabinet
   * (normally just a file name such as `lorem.txt.tsv`; a writer may add sub-folders).
   */
  name: string;
  content: OutputContent;
}

export interface WriteContext {
  options: ConvertOptions;
  /** Already scoped to (format, project, document, cabinet) by the caller. */
  report: Report;
}

/**
 * A writer is pure: model in, files and report messages out. It never reads files or the network.
 * `writeDocument` handles one document (one cabinet copy); `writeCombined`, when present, writes
 * one file for all documents of a project (the `--combine` option), next to the per-document files.
 */
export interface FormatWriter {
  name: FormatName;
  /** Project kinds the writer supports (a document is written when one of its kinds is here). */
  kinds: readonly ProjectKind[];
  /** Extension appended to the document name unless it already ends with it. */
  extension: string;
  description: string;
  writeDocument(doc: Document, ctx: WriteContext): OutputFile[] | Promise<OutputFile[]>;
  writeCombined?(docs: readonly Document[], ctx: WriteContext): OutputFile[] | Promise<OutputFile[]>;
  /** Whether `--to all` takes this writer with these options (CUSTOM only with a transformer); named formats are always run. */
  inAll?(options: ConvertOptions): boolean;
  /**
   * `writeDocument` takes a row document whose rows are streamed (`Document.rowStream`, `rows`
   * empty): it reads them when its content is read (in one pass, or a pass per file or per fact it
   * needs before the first byte, never holding them), and reports what depends on the cells once.
   * A run streams a large document's rows only when all its writers do.
   */
  streamsRows?: boolean;
}
