/**
 * Field necessity of the JSON exports (issue 11 item 1): every field the readers know is
 * - needed: the model cannot be built without it: an InputError naming file, JSON path and what
 *   was expected (the document is skipped, the rest of the run goes on);
 * - defaultable: absent or null, the reader uses the stated default and reports one
 *   `MissingFieldDefaulted` (info) per path and document; lists and answer sets are the exception:
 *   absent or null means none and is not reported (nothing is assumed);
 * - carried: not interpreted; kept as it is for the byte-exact round trip and passed on to the
 *   formats that have a place for it; a value of another type is kept as it is, not an error.
 * Unknown keys are carried too (reported as `UnknownField`). The table in docs/formats.md is this
 * list (a test compares them); the readers follow it and the mutation property
 * (test/property/mutation-samples.test.ts) checks them against it on every real JSON document.
 */
export type FieldClass = 'needed' | 'defaultable' | 'carried';

export interface FieldRule {
  path: string;
  class: FieldClass;
  /** The default (defaultable), or what the field is for. */
  rule: string;
  /** Lists and answer sets: absent or null means none, not reported. */
  list?: true;
  /** Defaultable only where no label points into it: the mutation property leaves it alone. */
  conditional?: true;
}

const needed = (path: string, rule: string): FieldRule => ({ path, class: 'needed', rule });
const defaultable = (path: string, rule: string): FieldRule => ({ path, class: 'defaultable', rule });
const list = (path: string, rule = 'none'): FieldRule => ({ path, class: 'defaultable', rule: `${rule} (a list: absent or null means none, not reported)`, list: true });
const carried = (path: string, rule: string): FieldRule => ({ path, class: 'carried', rule });

const SYNTHESIZED = 'synthesized from its place: `auto:<member>[<n>]`';
const LABELED = '`LABELED` (the state of a new label on the platform)';
const LABELED_BY = 'absent: `null` (not known who made it); `null` is that value and is not reported';
const USER_IDS = 'passed on to JSON_ADVANCED; `null` when absent';

function provenance(prefix: string): FieldRule[] {
  return [
    defaultable(`${prefix}.status`, LABELED),
    defaultable(`${prefix}.labeledBy`, LABELED_BY),
    carried(`${prefix}.labeledByUserId`, USER_IDS),
    carried(`${prefix}.acceptedByUserId`, USER_IDS),
    carried(`${prefix}.rejectedByUserId`, USER_IDS),
    carried(`${prefix}.createdAt`, 'passed on to JSON_ADVANCED'),
    carried(`${prefix}.updatedAt`, 'passed on to JSON_ADVANCED'),
  ];
}

function questions(prefix: string): FieldRule[] {
  return [
    defaultable(`${prefix}.id`, 'its position in the list (answers are keyed by it)'),
    carried(`${prefix}.name`, 'the label when `label` is absent'),
    defaultable(`${prefix}.label`, '`name`, else the id'),
    defaultable(`${prefix}.type`, '`TEXT`'),
    defaultable(`${prefix}.required`, '`false`'),
    defaultable(`${prefix}.config`, '`{}`'),
    carried(`${prefix}.bindToColumn`, 'the column the answer is written into; absent: none'),
  ];
}

function textPosition(prefix: string): FieldRule[] {
  return [
    needed(`${prefix}.textPosition`, '`{start, end}`'),
    needed(`${prefix}.textPosition.start.row`, 'row index'),
    needed(`${prefix}.textPosition.start.tokenIndex`, 'token index'),
    defaultable(`${prefix}.textPosition.start.column`, '`0`'),
    defaultable(`${prefix}.textPosition.start.charIndex`, '`0` (the first character)'),
    needed(`${prefix}.textPosition.end.row`, 'row index'),
    needed(`${prefix}.textPosition.end.tokenIndex`, 'token index (inclusive)'),
    defaultable(`${prefix}.textPosition.end.column`, '`0`'),
    defaultable(`${prefix}.textPosition.end.charIndex`, "the token's last character"),
  ];
}

function labelItems(prefix: string): FieldRule[] {
  return [
    list(`${prefix}.labelItems`),
    defaultable(`${prefix}.labelItems[].id`, SYNTHESIZED),
    defaultable(`${prefix}.labelItems[].labelName`, 'the item id'),
    carried(`${prefix}.labelItems[].parentId`, 'hierarchical label sets'),
    carried(`${prefix}.labelItems[].color`, 'the PDF uses it when it is a colour'),
  ];
}

export const DATASAUR_SCHEMA_FIELDS: readonly FieldRule[] = [
  carried('$.version', '`"1"` is written when absent'),
  needed('$.data', 'the document object'),
  defaultable('$.data.project', "the export folder's project (`<name>-<id>`); a single file: id `unknown`, name from the file name"),
  defaultable('$.data.project.id', "the export folder's project id, else `unknown`"),
  defaultable('$.data.project.name', "the export folder's project name, else the file name"),
  defaultable('$.data.document', 'the file name, as name and as id'),
  defaultable('$.data.document.id', 'the document name (a synthesized id)'),
  defaultable('$.data.document.name', 'the file name without `.json`'),
  defaultable('$.data.kinds', 'inferred: `spanLabels` (or `rows` alone) → TOKEN_BASED, `columns`/`headers`/`rowQuestions` → ROW_BASED, `bboxLabels`/`bboxLabelSets` → BBOX_BASED, `documentQuestions` → DOCUMENT_BASED'),
  carried('$.data.labelerInfo', 'passed on to JSON_ADVANCED; `null` when absent'),
  carried('$.data.labelerInfo.id', 'passed on'),
  carried('$.data.labelerInfo.email', 'passed on'),
  carried('$.data.labelerInfo.displayName', 'passed on'),
  carried('$.data.comments', 'passed on to JSON_ADVANCED; `[]` when absent'),
  carried('$.data.url', 'the image of a bounding-box document'),
  list('$.data.rows'),
  needed('$.data.rows[][]', 'a cell object'),
  defaultable('$.data.rows[][].content', 'the tokens joined by single spaces'),
  Object.assign(defaultable('$.data.rows[][].tokens', '`[]`: reported in token documents (row cells are not tokenized); a label pointing into the row is then out of range'), { conditional: true }),
  carried('$.data.rows[][].line', 'the array position is the row'),
  carried('$.data.rows[][].index', 'the array position is the column'),
  list('$.data.rows[][].metadata'),
  needed('$.data.rows[][].metadata[].key', 'a string'),
  defaultable('$.data.rows[][].metadata[].value', 'absent: `null`; `null` is that value'),
  carried('$.data.rows[][].metadata[].pinned', 'passed on to JSON_ADVANCED'),
  list('$.data.columns', '`headers`, else none'),
  needed('$.data.columns[].name', 'the column header'),
  carried('$.data.columns[].id', 'kept'),
  carried('$.data.columns[].displayed', 'kept'),
  carried('$.data.columns[].labelerRestricted', 'kept'),
  list('$.data.headers', 'read when `columns` is absent'),
  list('$.data.labelSets'),
  carried('$.data.labelSets[].id', '`--label-set` matches it'),
  carried('$.data.labelSets[].name', '`--label-set` and the PDF legend use it'),
  carried('$.data.labelSets[].index', 'the array position is the layer'),
  ...labelItems('$.data.labelSets[]'),
  list('$.data.spanLabels'),
  defaultable('$.data.spanLabels[].id', SYNTHESIZED),
  needed('$.data.spanLabels[].labelItem', '`{id}`'),
  needed('$.data.spanLabels[].labelItem.id', 'a label item id; an item in no label set is kept under `labelItem.labelName`, else the span is left out (`LabelItemMissing`)'),
  carried('$.data.spanLabels[].labelItem.labelName', "the label set's name wins; names an item no set holds"),
  ...textPosition('$.data.spanLabels[]'),
  defaultable('$.data.spanLabels[].layer', 'the label set that holds `labelItem.id` (alias `labelSetIndex`); an id in several sets is an error'),
  defaultable('$.data.spanLabels[].counter', '`0`'),
  ...provenance('$.data.spanLabels[]'),
  carried('$.data.spanLabels[].hashCode', 'kept'),
  carried('$.data.spanLabels[].documentId', 'kept'),
  list('$.data.arrowLabels'),
  defaultable('$.data.arrowLabels[].id', SYNTHESIZED),
  needed('$.data.arrowLabels[].originId', 'the id of a span label'),
  needed('$.data.arrowLabels[].destinationId', 'the id of a span label'),
  defaultable('$.data.arrowLabels[].labelItem', 'absent: `null` (an arrow without a label); `null` is that value'),
  needed('$.data.arrowLabels[].labelItem.id', 'a label item id, when `labelItem` is an object'),
  defaultable('$.data.arrowLabels[].layer', 'absent: `null` (no label set); `null` is that value'),
  carried('$.data.arrowLabels[].counter', 'kept'),
  ...provenance('$.data.arrowLabels[]'),
  list('$.data.timestampLabels'),
  defaultable('$.data.timestampLabels[].id', SYNTHESIZED),
  ...textPosition('$.data.timestampLabels[]'),
  defaultable('$.data.timestampLabels[].layer', '`0`'),
  defaultable('$.data.timestampLabels[].counter', '`0`'),
  needed('$.data.timestampLabels[].startTimestampMillis', 'milliseconds'),
  needed('$.data.timestampLabels[].endTimestampMillis', 'milliseconds'),
  defaultable('$.data.timestampLabels[].shouldExpand', '`false`'),
  ...provenance('$.data.timestampLabels[]'),
  list('$.data.rowQuestions'),
  ...questions('$.data.rowQuestions[]'),
  list('$.data.rowAnswerSets', 'no answers; alias `rowAnswers: [{line, answers}]`'),
  needed('$.data.rowAnswers[].line', 'the row index (alias form)'),
  needed('$.data.rowAnswers[].answers', 'an answer set (alias form)'),
  list('$.data.documentQuestions'),
  ...questions('$.data.documentQuestions[]'),
  list('$.data.documentAnswerSet', 'no answers; alias `documentAnswers`'),
  list('$.data.pages'),
  defaultable('$.data.pages[].pageIndex', 'its position in the list'),
  carried('$.data.pages[].pageHeight', 'pixels; formats that need a page size say so'),
  carried('$.data.pages[].pageWidth', 'pixels; formats that need a page size say so'),
  list('$.data.bboxLabelSets'),
  defaultable('$.data.bboxLabelSets[].id', SYNTHESIZED + ' (newer exports have none)'),
  carried('$.data.bboxLabelSets[].name', 'kept'),
  carried('$.data.bboxLabelSets[].autoLabelProvider', 'kept (`null` in newer exports)'),
  list('$.data.bboxLabelSets[].classes'),
  defaultable('$.data.bboxLabelSets[].classes[].id', SYNTHESIZED),
  defaultable('$.data.bboxLabelSets[].classes[].name', 'the class id'),
  carried('$.data.bboxLabelSets[].classes[].color', 'kept'),
  carried('$.data.bboxLabelSets[].classes[].captionAllowed', 'kept'),
  carried('$.data.bboxLabelSets[].classes[].captionRequired', 'kept'),
  list('$.data.bboxLabelSets[].classes[].questions'),
  ...questions('$.data.bboxLabelSets[].classes[].questions[]'),
  list('$.data.bboxLabels'),
  defaultable('$.data.bboxLabels[].id', SYNTHESIZED),
  carried('$.data.bboxLabels[].documentId', 'kept'),
  needed('$.data.bboxLabels[].bboxLabelClassId', 'the id of a class'),
  defaultable('$.data.bboxLabels[].bboxLabelClassName', 'the name of that class in `bboxLabelSets`, else the class id'),
  carried('$.data.bboxLabels[].caption', 'the text of the box'),
  list('$.data.bboxLabels[].shapes'),
  defaultable('$.data.bboxLabels[].shapes[].pageIndex', '`0`'),
  list('$.data.bboxLabels[].shapes[].points', 'none (any count: rectangles and polygons)'),
  needed('$.data.bboxLabels[].shapes[].points[].x', 'a number'),
  needed('$.data.bboxLabels[].shapes[].points[].y', 'a number'),
  list('$.data.bboxLabels[].answers', "no answers; keyed by the class's question ids"),
  ...provenance('$.data.bboxLabels[]'),
];

export const JSON_ADVANCED_FIELDS: readonly FieldRule[] = [
  needed('$.sentences', 'the rows'),
  defaultable('$.sentences[].id', 'its position (another id than its position is an error)'),
  defaultable('$.sentences[].content', 'the tokens joined by single spaces'),
  needed('$.sentences[].tokens', 'the tokens (labels point into them)'),
  carried('$.sentences[].labels', 'a short form of the spans: rebuilt from `labels` on write'),
  list('$.sentences[].metadata'),
  needed('$.sentences[].metadata[].key', 'a string'),
  defaultable('$.sentences[].metadata[].value', 'absent: `null`; `null` is that value'),
  carried('$.sentences[].metadata[].pinned', 'kept'),
  carried('$.labelerInfo', 'passed on to DATASAUR_SCHEMA; `null` when absent'),
  carried('$.labelerInfo.id', 'passed on'),
  carried('$.labelerInfo.email', 'passed on'),
  carried('$.labelerInfo.displayName', 'passed on'),
  list('$.labelSets'),
  defaultable('$.labelSets[].index', 'its position (the layer spans name)'),
  ...labelItems('$.labelSets[]'),
  list('$.labels'),
  defaultable('$.labels[].id', SYNTHESIZED),
  defaultable('$.labels[].type', '`SPAN` (`ARROW` when `originId` and `destinationId` are set); another type: the label is left out (`LabelTypeUnknown`)'),
  needed('$.labels[].startCellLine', 'row (sentence id)'),
  defaultable('$.labels[].startCellIndex', '`0`'),
  needed('$.labels[].startTokenIndex', 'token index'),
  defaultable('$.labels[].startCharIndex', '`0` (the first character)'),
  needed('$.labels[].endCellLine', 'row (sentence id)'),
  defaultable('$.labels[].endCellIndex', '`0`'),
  needed('$.labels[].endTokenIndex', 'token index (inclusive)'),
  defaultable('$.labels[].endCharIndex', "the token's last character"),
  defaultable('$.labels[].layer', 'SPAN: the label set that holds `labelSetItemId`; TIMESTAMP: `0`; ARROW: `null`'),
  defaultable('$.labels[].counter', '`0`'),
  needed('$.labels[].labelSetItemId', 'SPAN: an item of a label set (without one the span is left out, `LabelItemMissing`); ARROW: `null` is an arrow without a label'),
  needed('$.labels[].originId', 'ARROW: the id of a span label'),
  needed('$.labels[].destinationId', 'ARROW: the id of a span label'),
  needed('$.labels[].startTimestampMillis', 'TIMESTAMP: milliseconds'),
  needed('$.labels[].endTimestampMillis', 'TIMESTAMP: milliseconds'),
  defaultable('$.labels[].shouldExpand', '`false`'),
  defaultable('$.labels[].documentId', "the document's id, which is the first `documentId` of any label (the format has no other; a document no label names is known by its name, not reported)"),
  ...provenance('$.labels[]'),
  carried('$.labels[].labelText', 'kept'),
  carried('$.labels[].hashCode', 'recomputed on write from another format'),
  carried('$.labels[].originNumber', 'kept'),
  carried('$.labels[].destinationNumber', 'kept'),
  carried('$.comments', 'passed on to DATASAUR_SCHEMA; `[]` when absent'),
];

export const FIELD_RULES = { DATASAUR_SCHEMA: DATASAUR_SCHEMA_FIELDS, JSON_ADVANCED: JSON_ADVANCED_FIELDS } as const;

/** The rule of a concrete JSON path (`$.data.spanLabels[3].status` → the `$.data.spanLabels[].status` rule). */
export function ruleOf(format: keyof typeof FIELD_RULES, path: string): FieldRule | undefined {
  const pattern = path.replace(/\[\d+\]/g, '[]');
  return FIELD_RULES[format].find((r) => r.path === pattern);
}

/** The markdown table of a format, as it stands in docs/formats.md. */
export function fieldTableMarkdown(format: keyof typeof FIELD_RULES): string {
  const rows = FIELD_RULES[format].map((r) => `| \`${r.path}\` | ${r.class} | ${r.rule.replace(/\|/g, '\\|')} |`);
  return ['| field | class | default, or what it is for |', '|---|---|---|', ...rows].join('\n');
}
