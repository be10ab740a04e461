/**
 * The normalized model every reader produces and every writer consumes.
 *
 * One `Document` is one cabinet copy of one uploaded file (REVIEW, ROOT or one labeler's copy):
 * the server exports each cabinet as its own file and a reviewer may have edited the text, so
 * copies are never merged.
 *
 * Objects read from a server file keep what the model does not interpret in `extra` (unknown keys,
 * reported as `UnknownField`) and the key order they had in `keyOrder`, so writers can reproduce the
 * server's bytes. Objects built in code leave both out and get the canonical order.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Fields the model does not interpret, and the key order of the source object. */
export interface SourceFields {
  extra?: JsonObject;
  keyOrder?: string[];
}

export type ProjectKind = 'TOKEN_BASED' | 'ROW_BASED' | 'DOCUMENT_BASED' | 'BBOX_BASED';
export const PROJECT_KINDS: readonly ProjectKind[] = ['TOKEN_BASED', 'ROW_BASED', 'DOCUMENT_BASED', 'BBOX_BASED'];

export type LabelStatus = 'LABELED' | 'ACCEPTED' | 'REJECTED';
export type LabeledBy = 'AUTO' | 'CONFLICT' | 'EXTERNAL' | 'LABELER' | 'PRELABELED' | 'REVIEWER';

/** The server's serialization a document was read from (decides how DATASAUR_SCHEMA/JSON_ADVANCED write it back). */
export type SourceFormat = 'DATASAUR_SCHEMA' | 'JSON_ADVANCED' | 'TSV' | 'CSV' | 'MODEL';

export type CabinetRole = 'REVIEW' | 'ROOT' | 'DOCUMENT';

export interface Cabinet {
  role: CabinetRole;
  /** The e-mail part of `ROOT-<user>`/`DOCUMENT-<user>` folders (`.` and `@` already `_`), absent for REVIEW. */
  user?: string;
  /** The folder name as in the export ZIP: `REVIEW`, `ROOT-ivan_datasaur_ai`, `DOCUMENT-…`. */
  folder: string;
}

export interface Project {
  id: string;
  name: string;
  /** `<name>-<id>` with the server's character replacements (see `projectFolderName`). */
  folder: string;
  tags?: string[];
  /** `project-data.json` as read (newer exports), kept verbatim for writing back. */
  projectData?: { text: string; value: JsonValue };
  documents: Document[];
}

export interface UserInfo extends SourceFields {
  id: number | string | null;
  email: string | null;
  displayName: string | null;
}

export interface MetadataEntry extends SourceFields {
  key: string;
  value: JsonValue;
  pinned?: boolean;
}

export interface Cell extends SourceFields {
  content: string;
  /** Tokens are the truth: never re-tokenize. Empty for row-project cells that were not tokenized. */
  tokens: string[];
  line?: number;
  index?: number;
  metadata?: MetadataEntry[];
}

export interface Row extends SourceFields {
  /** Row number (JSON_ADVANCED `sentences[].id`). */
  index: number;
  cells: Cell[];
  metadata: MetadataEntry[];
}

export interface Column extends SourceFields {
  name: string;
  id?: string | number;
  displayed?: boolean;
  labelerRestricted?: boolean;
}

export interface LabelItem extends SourceFields {
  id: string;
  labelName: string;
  parentId?: string | null;
  color?: string | null;
}

export interface LabelSet extends SourceFields {
  /** Position in the document's label-set array: the span "layer". */
  index: number;
  id?: string | null;
  name?: string | null;
  items: LabelItem[];
}

/** A place in a token document. `char` is the character index inside the token. */
export interface TokenPosition {
  row: number;
  column: number;
  token: number;
  char: number;
}

/**
 * Key order and unknown keys of the objects nested in a DATASAUR_SCHEMA label (`labelItem`,
 * `textPosition` and its `start`/`end`), kept only when one differs from the canonical form.
 */
export interface NestedSourceFields {
  labelItem?: SourceFields;
  textPosition?: SourceFields;
  start?: SourceFields;
  end?: SourceFields;
}

export interface LabelProvenance {
  status: LabelStatus;
  labeledBy: LabeledBy | null;
  labeledByUserId?: number | string | null;
  acceptedByUserId?: number | string | null;
  rejectedByUserId?: number | string | null;
  createdAt?: string | null;
  updatedAt?: string | null;
}

/**
 * A span label. `end` is inclusive in token and char (the server's convention): a span over the
 * whole token "calling" ends at char 6.
 */
export interface Span extends LabelProvenance, SourceFields {
  id: string;
  /** The label set ("layer") the span belongs to. */
  layer: number;
  labelItemId: string;
  /** Resolved from the label set; the item id when the set does not know it. */
  labelName: string;
  start: TokenPosition;
  end: TokenPosition;
  /** Separates several labels on the same position. */
  counter: number;
  documentId?: string | null;
  labelText?: string | null;
  hashCode?: string | null;
  nested?: NestedSourceFields;
}

/** A relation between two spans (origin → destination), ids compared as strings. */
export interface Arrow extends LabelProvenance, SourceFields {
  id: string;
  originId: string;
  destinationId: string;
  layer?: number | null;
  labelItemId?: string | null;
  labelName?: string | null;
  counter?: number;
  documentId?: string | null;
  /** JSON_ADVANCED repeats the arrow's anchor positions; kept for writing back. */
  start?: TokenPosition;
  end?: TokenPosition;
  hashCode?: string | null;
  nested?: NestedSourceFields;
}

/** An audio timestamp label (JSON_ADVANCED `type: "TIMESTAMP"`). */
export interface TimestampLabel extends LabelProvenance, SourceFields {
  id: string;
  layer: number;
  start: TokenPosition;
  end: TokenPosition;
  counter: number;
  startTimestampMillis: number;
  endTimestampMillis: number;
  shouldExpand?: boolean;
  documentId?: string | null;
  hashCode?: string | null;
  nested?: NestedSourceFields;
}

export type QuestionType =
  | 'TEXT'
  | 'DROPDOWN'
  | 'HIERARCHICAL_DROPDOWN'
  | 'CHECKBOX'
  | 'DATE'
  | 'TIME'
  | 'SLIDER'
  | 'URL'
  | 'NESTED'
  | 'TOKEN'
  | 'DATA';

export interface Question extends SourceFields {
  id: number | string;
  name?: string | null;
  label: string;
  type: QuestionType | string;
  required?: boolean;
  config?: JsonValue;
  /** Name of the column the answer is written into. */
  bindToColumn?: string | null;
}

/** Answers keyed by the question id as a string (`"0"`, `"1"`); `null` = unanswered. */
export type AnswerSet = Record<string, JsonValue>;

export interface Page extends SourceFields {
  pageIndex: number;
  pageHeight?: number;
  pageWidth?: number;
}

export interface BoundingBoxClass extends SourceFields {
  id: string;
  name: string;
  color?: string | null;
  /** Questions asked about each box of the class (newer exports); a box's `answers` are keyed by their ids. */
  questions?: Question[];
}

export interface BoundingBoxLabelSet extends SourceFields {
  /** Synthesized (`auto:bboxLabelSets[0]`) when the file has none (newer exports). */
  id: string;
  name?: string | null;
  classes: BoundingBoxClass[];
}

export interface Point extends SourceFields {
  x: number;
  y: number;
}

export interface Shape extends SourceFields {
  pageIndex: number;
  points: Point[];
}

export interface BoundingBox extends LabelProvenance, SourceFields {
  id: string;
  documentId?: string | null;
  classId: string;
  className: string;
  caption?: string | null;
  shapes: Shape[];
  /** Answers to the class's questions, keyed by question id (as a string). */
  answers?: AnswerSet | null;
}

/** Project a document names, with the unknown keys and key order of the file's `project` object. */
export interface DocumentProject extends SourceFields {
  id: string;
  name: string;
  folder: string;
}

/**
 * How the source text wrote what the model cannot hold: a byte order mark before the JSON, and
 * numbers a double cannot reproduce (`12345678901234567890123`, `1e400`, `-0`, `1.50`), by the
 * JSON path they sit at in the source. The same-bytes writers put them back.
 */
export interface SourceSyntax {
  byteOrderMark?: boolean;
  /** The reader kept a number a double may not reproduce: the text is scanned for `numbers`. */
  inexactNumbers?: boolean;
  numbers?: Record<string, string>;
}

/**
 * Rows provided one batch at a time instead of as `Document.rows`: a row's model index is its
 * position. Only row documents (no token rows, no spans, arrows or timestamps, which point into
 * rows) are read this way.
 */
export interface RowStream {
  /** How many rows the document holds. */
  count: number;
  /** Cells of its widest row (a table's width). */
  width: number;
  /**
   * One pass over the rows, in order, a batch at a time. A bad row throws the same error the
   * whole-document reader gives; the reader's messages about rows are reported once, by the first
   * pass that reaches the end.
   */
  batches(): AsyncIterable<Row[]>;
  /**
   * Every number inside the rows is a plain integer of at most 15 digits, so the rows written with
   * `JSON.stringify` give each number's source text back (RowScan.plainNumbers).
   */
  plainNumbers: boolean;
  /**
   * After a pass over the rows: the source text of the document's numbers a double cannot
   * reproduce, by JSON path (undefined: none), when the reader kept such a number in the rows (as a
   * whole read looks for them), found in the text read again and reported once, as a whole read
   * reports them (the pass that reports does so itself). For a writer that reproduces the file
   * when `plainNumbers` is false: the rows are parsed pass by pass, never as one text.
   */
  numberTexts(): Promise<Record<string, string> | undefined>;
}

export interface Document extends SourceFields {
  id: string;
  /** The uploaded file's name including its extension (`lorem.txt`, `image-1.jpeg`). */
  name: string;
  project: DocumentProject;
  /** Unknown keys and key order of DATASAUR_SCHEMA's envelope (`{version, data}`) and `data.document` object. */
  sourceObjects?: { envelope?: SourceFields; document?: SourceFields };
  sourceSyntax?: SourceSyntax;
  cabinet: Cabinet;
  kinds: ProjectKind[];
  source: SourceFormat;
  labeler: UserInfo | null;
  /** Table columns (row projects); empty for token documents. */
  columns: Column[];
  /** Empty when `rowStream` is set: the rows are read from the file as writers ask for them. */
  rows: Row[];
  /**
   * The rows of a large row document, not held: each pass reads them again from the document's
   * file, a batch at a time (read/row-source.ts). Set only when every writer of the run declares
   * `streamsRows`; everything else of the document (columns, questions, answers) is in memory.
   */
  rowStream?: RowStream;
  labelSets: LabelSet[];
  spans: Span[];
  arrows: Arrow[];
  timestamps: TimestampLabel[];
  rowQuestions: Question[];
  /** Row index (as a string) → answers of that row. */
  rowAnswers: Record<string, AnswerSet>;
  documentQuestions: Question[];
  documentAnswers: AnswerSet | null;
  pages: Page[];
  boundingBoxLabelSets: BoundingBoxLabelSet[];
  boundingBoxes: BoundingBox[];
  comments: JsonValue[];
  /** Document-level `url` (bounding-box images) and similar top-level scalars live in `extra`. */
  url?: string | null;
  /**
   * What the input file was read as and why (content detection), e.g. `{ format: 'TSV', layout:
   * 'row table', because: 'header of 3 tab-separated columns', summary: '5 records' }`. Not
   * written by any format.
   */
  readAs?: { format: string; layout: string; because: string; summary: string };
}
