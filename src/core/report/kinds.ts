/**
 * The closed set of conversion message kinds. Every loss or change a writer or reader makes is one
 * of these; adding a kind means adding a row here (with its default severity and meaning) and a
 * test that shows when it is emitted.
 */
export type Severity = 'error' | 'warning' | 'info';

export const MESSAGE_KINDS = {
  // Reading
  UnknownField: { severity: 'info', meaning: 'a key the reader does not interpret was kept as it is' },
  TokenNotInContent: { severity: 'warning', meaning: "a token is not found in its row's content; its offsets use the fallback rule" },
  InputFileIgnored: { severity: 'info', meaning: 'files of the input that were not read, once per reason with their count: operating-system files and hidden tool files (info); files outside the export layout, FIFOs, sockets, devices and links to folders (warning)' },
  DocumentSkipped: { severity: 'error', meaning: 'a document could not be read and was not converted' },
  FormatGuessed: { severity: 'info', meaning: 'the input file could be read as more than one format (or fits its format weakly); the guess is named, --input-format chooses' },
  TagMissing: { severity: 'warning', meaning: 'a token line of a tagged file has no tag (or fewer tag columns than the file); the missing tags were read as O' },
  TagPrefixMissing: { severity: 'warning', meaning: 'an IOB tag has no B-/I- prefix; it was read as IOB1 reads it (continues a span of its label, else starts one)' },
  SpanStartedByI: { severity: 'warning', meaning: 'an I- tag follows O or another label in an IOB2/IOBES/BILOU file; it was read as the start of a span' },
  TagMalformed: { severity: 'warning', meaning: 'an IOB tag is malformed (prefix without label, unknown or lower-case prefix); it is named with its line and read as stated, the rest of the file still reads as IOB' },
  AnnotationSkipped: { severity: 'warning', meaning: 'an annotation of an offset file (Comprehend, token CSV, Vertex) could not be placed in its text (offsets outside the line, no characters, a text file that is not there) and was left out' },
  CellsBeyondHeader: { severity: 'info', meaning: 'a record has more cells than the header; the extra cells were kept in columns named Column N' },
  LabelItemMissing: { severity: 'warning', meaning: "a span's label item is in no label set: kept under the name the file gives it (info), or left out when the file gives none" },
  LabelTypeUnknown: { severity: 'warning', meaning: 'a JSON_ADVANCED label of a type other than SPAN, ARROW or TIMESTAMP was left out' },
  ByteOrderMarkRead: { severity: 'info', meaning: 'a JSON document starts with a UTF-8 byte order mark: read past it, written back by the same-bytes writers' },
  InvalidUtf8: { severity: 'warning', meaning: 'bytes that are not UTF-8 were read as U+FFFD (the first byte offset and the count are named)' },
  InexactNumber: { severity: 'info', meaning: 'numbers a double cannot hold exactly: their source text is written back by the same-bytes writers, other formats write the nearest double' },
  // Spans
  OverlapDropped: { severity: 'warning', meaning: 'a span overlapping a kept span of the same label set was left out (overlap policy)' },
  SpanSplitAtRow: { severity: 'warning', meaning: 'a span across rows was cut into one piece per row' },
  SpanCrossesRows: { severity: 'warning', meaning: 'a span across rows cannot be written by this target and was left out' },
  SpanWidenedToToken: { severity: 'info', meaning: 'a span starting or ending inside a token was widened to whole tokens' },
  RejectedLabelSkipped: { severity: 'info', meaning: 'a REJECTED label was left out' },
  ConflictLabelSkipped: { severity: 'warning', meaning: 'a CONFLICT label was left out (use --include-conflicts to keep it)' },
  LabelSetNotSelected: { severity: 'warning', meaning: 'a span of a label set other than the one the target takes was left out' },
  TimestampNotRepresented: { severity: 'warning', meaning: 'an audio timestamp label cannot be written by this format' },
  SpanWithoutText: { severity: 'warning', meaning: 'a span covers no characters of the text its offsets point into (its tokens are not in the content), so an offset target cannot hold it' },
  SpanNotRepresented: { severity: 'info', meaning: 'a span label is not written by a text-only format (PLAIN); the labelled formats carry it' },
  ArrowNotRepresented: { severity: 'warning', meaning: 'an arrow (relation) cannot be written by this format' },
  ArrowEndpointMissing: { severity: 'warning', meaning: 'an arrow points to a span that is not in the output' },
  // Names and values
  LabelRenamed: { severity: 'info', meaning: "a label name was changed to meet the target's naming rules" },
  TagHasSpace: { severity: 'warning', meaning: 'a label name with a space is written in a whitespace-separated tag column, where readers that split on whitespace cut it (use --tag-space _ to replace the spaces)' },
  WhitespaceReplaced: { severity: 'warning', meaning: 'a tab, CR or LF inside a token or label name became a space' },
  DuplicateColumnRenamed: { severity: 'info', meaning: 'a duplicate column name got a numeric suffix' },
  FormulaEscaped: { severity: 'info', meaning: "a value starting with = + - @, TAB or CR was prefixed with ' (--escape-formulas)" },
  FormulaNotEscaped: { severity: 'info', meaning: 'values a spreadsheet program may run as formulas (= + - @, TAB or CR first) were written as they are; once per document and format, naming --escape-formulas' },
  ColumnsCut: { severity: 'warning', meaning: "a table has more columns than the target holds (XLSX: 16,384); the columns beyond were left out of that file (the run's other formats carry them)" },
  CellTruncated: { severity: 'warning', meaning: "a value longer than the target's cell limit was cut" },
  ControlCharRemoved: { severity: 'warning', meaning: 'characters the target cannot hold (XML-illegal control characters) were removed' },
  OutputNameChanged: { severity: 'warning', meaning: 'an output file or folder name was changed so the file system can hold it (a NUL became _, a name over 200 bytes was shortened keeping its extension, with a hash of the full name)' },
  SheetNameChanged: { severity: 'info', meaning: 'a worksheet name was changed to be valid and unique' },
  // Answers and other content
  RowWithoutLabelSkipped: { severity: 'warning', meaning: 'a row without a label was left out of a classifier training file' },
  AnswerNotRepresented: { severity: 'warning', meaning: 'an answer cannot be written by this format' },
  BoundingBoxNotRepresented: { severity: 'warning', meaning: 'a bounding box cannot be written by this format (it stays in DATASAUR_SCHEMA)' },
  BoxReshaped: { severity: 'info', meaning: 'a bounding box polygon (or a box of several shapes) was written as the axis-aligned rectangle(s) around its points: the format holds rectangles only' },
  BoxClipped: { severity: 'warning', meaning: 'a bounding box reaching outside its page was clipped to the page: normalized coordinates must lie in [0,1]' },
  BoxNotWritten: { severity: 'warning', meaning: 'a bounding box cannot be placed in this format (it has no shape, or its page has no size to normalize by) and was left out' },
  BoxDetailNotRepresented: { severity: 'warning', meaning: "a bounding box is written but its caption or answers are not: the format holds a box's class and rectangle only" },
  PageSizeMissing: { severity: 'warning', meaning: 'a page has no size in the export; the image is written with a null width and height' },
  CommentNotRepresented: { severity: 'info', meaning: 'comments are not written by this format' },
  MetadataNotRepresented: { severity: 'info', meaning: 'row metadata is not written by this format' },
  MissingFieldDefaulted: { severity: 'info', meaning: 'a field the output needs is not in the input and was written as null or a default' },
  SpanNotDrawn: { severity: 'warning', meaning: 'the PDF has no place for a span: more spans overlap on one line than fit above it on a page, or it covers no drawn character; it was left out of the PDF (the other formats carry it)' },
  TextCut: { severity: 'warning', meaning: 'a text too long for the PDF to lay out in one piece (over 2,000 characters: a token, a cell, a name, a label) was drawn up to that length and marked with …; the other formats carry it whole' },
  GlyphMissing: { severity: 'warning', meaning: 'no embedded font can draw a character; it is shown as a placeholder' },
  OffsetUnit: { severity: 'info', meaning: 'the unit the offsets of this output are counted in' },
  ImportFileNotWritten: { severity: 'warning', meaning: 'a companion file the target needs (the Vertex import CSV) was not written for lack of an option (--gcs-prefix)' },
  TransformerFailed: { severity: 'error', meaning: "the export transformer (CUSTOM) threw, ran out of time or memory, or returned no string for a document; that document's file was not written (the run's other documents were), the message names the transformer's line and column" },
  TransformerLog: { severity: 'info', meaning: 'what the export transformer (CUSTOM) wrote with console.log and friends for a document' },
  FormatNotApplicable: { severity: 'warning', meaning: "the format does not support the document's project kind; nothing was written for it" },
  // Output files
  OutputRenamed: { severity: 'warning', meaning: 'another output of the run has the same path (the same name, names differing only by case, or a file where a folder is): this one got a " (2)" suffix' },
} as const satisfies Record<string, { severity: Severity; meaning: string }>;

export type MessageKind = keyof typeof MESSAGE_KINDS;
export const MESSAGE_KIND_NAMES = Object.keys(MESSAGE_KINDS) as MessageKind[];

/**
 * The kinds that say "this span is not in this output" (as opposed to "it is there, changed"):
 * what a caller counts to account for every input span, and what the conservation tests use.
 */
export const SPAN_LEFT_OUT_KINDS: ReadonlySet<MessageKind> = new Set<MessageKind>([
  'RejectedLabelSkipped',
  'ConflictLabelSkipped',
  'LabelSetNotSelected',
  'OverlapDropped',
  'SpanCrossesRows',
  'SpanNotRepresented',
  'SpanWithoutText',
  'SpanNotDrawn',
]);

/** The kinds that say "this bounding box is not in this output" (the counterpart of SPAN_LEFT_OUT_KINDS). */
export const BOX_LEFT_OUT_KINDS: ReadonlySet<MessageKind> = new Set<MessageKind>(['BoundingBoxNotRepresented', 'BoxNotWritten']);
