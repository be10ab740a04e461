/**
 * `Exportable`: what a Datasaur export transformer receives, `(document: Exportable): string`.
 *
 * Names and meanings follow the vendor's documentation (Workspace Management → File Transformer):
 * the export page's template and Google AutoML sample read `cells` (`line`, `index`, `content`,
 * `tokens`), `labels` (`startTokenIndex`, `endTokenIndex`, `startCharIndex`, `endCharIndex`, the end
 * char inclusive) and `labelSets` (`labelItems` with `id`); the import page documents the cell fields
 * (`metadata` with `key`, `value`, `type`, `pinned`, `config`); the label position fields, `layer`,
 * `counter`, `labelSetItemId`, `type` and the arrow ends are the ones the vendor's `Importable`
 * format and the server's JSON_ADVANCED export use. Fields marked *decided* are not on those pages
 * (docs/formats.md lists them with what we chose).
 *
 * These are plain data types: the transformer gets a fresh JSON copy per document.
 */

/** One metadata entry of a cell (import transformer page). */
export interface CellMetadata {
  key: string;
  /** Usually a string; kept as the export stores it. */
  value: unknown;
  /** MIME type of the value (`text/plain` when absent). */
  type?: string;
  /** Shown at the top of the cell. */
  pinned?: boolean;
  /** Display configuration for `text/plain` metadata (e.g. `color`, `backgroundColor`). */
  config?: Record<string, unknown>;
}

/**
 * One cell of the document's table. Token projects have one column, so `line` is the row/sentence
 * and `index` is 0; row projects have one cell per column. Cells are listed row by row, columns in
 * order; the documented sample keys them by `line` (`new Map<number, Cell>()`).
 */
export interface Cell {
  /** Zero-based row. */
  line: number;
  /** Zero-based column (0 in token projects). */
  index: number;
  /** The cell's text as stored. */
  content: string;
  /**
   * The tokens labels point into (token projects; empty for row cells that were not tokenized).
   * Tokens are not always separated by one space in `content` (`"amet,"` is tokens `amet` and `,`).
   */
  tokens: string[];
  /** Cell metadata; for token projects the line's (sentence) metadata. Empty when none. */
  metadata: CellMetadata[];
}

/** `labels[].type`. */
export type LabelType = 'SPAN' | 'ARROW' | 'TIMESTAMP';

/**
 * A label. Positions are cell (`line`, `index`), token inside the cell, character inside the token.
 * The end is inclusive in both token and character: a span over the whole token `calling` has
 * `endCharIndex` 6 (the documented sample adds 1 to get an exclusive offset).
 */
export interface SimpleLabel {
  id: string;
  type: LabelType;
  startCellLine: number;
  startCellIndex: number;
  startTokenIndex: number;
  startCharIndex: number;
  endCellLine: number;
  endCellIndex: number;
  endTokenIndex: number;
  /** Inclusive. */
  endCharIndex: number;
  /** Index of the label set (`labelSets[layer]`) the label belongs to; null for an arrow without one. */
  layer: number | null;
  /** Separates several labels at the same position (0 for the first). */
  counter: number;
  /** `labelItems[].id` of the label; null for a timestamp or an arrow without a label. */
  labelSetItemId: string | null;
  /** *Decided*: the label item's name, resolved from `labelSets` (null when there is none). */
  labelName: string | null;
  /** ARROW: the `id` of the span the arrow starts from; null otherwise. */
  originId: string | null;
  /** ARROW: the `id` of the span the arrow points to; null otherwise. */
  destinationId: string | null;
  /** *Decided* (as in JSON_ADVANCED): `LABELED` or `ACCEPTED` (rejected labels are not passed). */
  status: 'LABELED' | 'ACCEPTED';
  /** *Decided* (as in JSON_ADVANCED): who made the label (`LABELER`, `REVIEWER`, `AUTO`, `CONFLICT`, …). */
  labeledBy: string | null;
  /** TIMESTAMP (audio projects): start in milliseconds; absent otherwise. */
  startTimestampMillis?: number;
  /** TIMESTAMP (audio projects): end in milliseconds; absent otherwise. */
  endTimestampMillis?: number;
}

/** One label of a label set. */
export interface LabelItem {
  /** What `SimpleLabel.labelSetItemId` refers to (the sample's `Map<string, LabelItem>` key). */
  id: string;
  labelName: string;
  /** Parent item of a hierarchical label set; null at the top. */
  parentId: string | null;
  color: string | null;
}

/** A label set ("layer"); `labels[].layer` is its position in `labelSets`. */
export interface LabelSet {
  /** *Decided*: the set's position, equal to its index in `labelSets`. */
  index: number;
  /** *Decided*: the set's name when the export names it. */
  name: string | null;
  labelItems: LabelItem[];
}

/** The argument of an export transformer: one document of the project. */
export interface Exportable {
  /** *Decided*: the uploaded file's name (`lorem.txt`). */
  name: string;
  cells: Cell[];
  labels: SimpleLabel[];
  labelSets: LabelSet[];
}

/** The shape of an export transformer (the documented template's signature). */
export type ExportTransformer = (document: Exportable) => string;
