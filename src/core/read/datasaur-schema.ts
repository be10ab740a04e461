import type { Report } from '../report/report.js';
import type {
  AnswerSet,
  Arrow,
  BoundingBox,
  BoundingBoxClass,
  BoundingBoxLabelSet,
  Cell,
  Column,
  Document,
  DocumentProject,
  JsonValue,
  LabelItem,
  LabelSet,
  Page,
  ProjectKind,
  Row,
  NestedSourceFields,
  Shape,
  SourceFields,
  Span,
  TimestampLabel,
  TokenPosition,
} from '../model/types.js';
import { PROJECT_KINDS } from '../model/types.js';
import { projectFolderName } from '../model/naming.js';
import * as v from 'valibot';
import { cellSchema, datasaurSchemaFileSchema, isPlainTokenFile, type DatasaurSchemaData } from './datasaur-schema.schema.js';
import { isPlainRow } from './fast-elements.js';
import { carried, carriedId, isJsonObject, isNumberOrNull, isStringOrNull, keepAsIs, keepNull, keepNullLists, hasUnknownKeys, keySet, ownFields, reportUnknownKeys, type KeySet } from './source-fields.js';
import { schemaError, type DocumentSource } from './context.js';
import { validateDocument } from './validate-document.js';
import { PROVENANCE_KEYS, readProvenance } from './provenance.js';
import { FieldDefaults, syntheticId } from './defaults.js';
import { readLabelItem, readMetadata, readQuestion, readUser, reportLabelItemMissing, resolveSpanLabel, type DocumentScope, type Where } from './common-objects.js';
import { watchValue } from './source-text.js';
import { packedMap } from './packed-map.js';

export { readUser } from './common-objects.js';

type Raw = Record<string, unknown>;

/**
 * Reads one DATASAUR_SCHEMA document (`{"version":"1","data":{…}}`, FORMATS.md §2) into the model,
 * following the field-necessity table (docs/formats.md): needed fields are checked by the schema,
 * defaultable ones get their default and one `MissingFieldDefaulted` per path, carried ones are
 * kept as they are. Accepts the documented aliases (`labelSetIndex` for `layer`, `headers` for
 * `columns`, `rowAnswers` for `rowAnswerSets`, `Q<id>` answer keys) and keeps unknown keys.
 */
export function readDatasaurSchema(value: unknown, source: DocumentSource): Document {
  if (!isPlainTokenFile(value)) {
    const parsed = v.safeParse(datasaurSchemaFileSchema, value);
    if (!parsed.success) throw schemaError(parsed.issues, source.file);
  }
  // The schema validated the raw value; map from the raw value itself because the schema's output
  // reorders keys (schema keys first) and the source order is what lets writers reproduce the
  // server's bytes.
  const file = value as Raw;
  const data = file.data as DatasaurSchemaData & Raw;
  const ctx = new Context(source);
  const { at, defaults } = ctx;
  const envelope = ownFields(file, ENVELOPE_KEYS);
  if (envelope.extra) reportUnknownKeys(envelope, ENVELOPE_KEYS, ENVELOPE_KNOWN_KEYS, { report: source.report, file: source.file, path: [] });
  const dataFields = ctx.fields(data, DATA_KEYS, NO_KEYS);
  keepNullLists(data, dataFields, DATA_LISTS);
  const member = <T>(key: string, fits: (v: unknown) => v is T) => carried(data[key], key, dataFields, fits);

  const kinds = readKinds(data, dataFields, defaults);
  const labelSets = packedMap(data.labelSets ?? [], (set, index) => readLabelSet(set, index, ctx));
  const rows = packedMap(data.rows ?? [], (cells, r) => readRow(cells, r, kinds, ctx));
  const spans: Span[] = [];
  // Source index of each span (differs from its model index after a span left out).
  const spanSources: number[] = [];
  // Ids of the spans left out (made for the first one: most documents have none).
  let leftOut: Set<string> | undefined;
  const items = itemIndex(labelSets);
  (data.spanLabels ?? []).forEach((s, n) => {
    const span = readSpan(s as Raw, n, labelSets, items, ctx);
    if (span === null) (leftOut ??= new Set()).add(s.id == null ? syntheticId(`spanLabels[${n}]`) : String(s.id));
    else (spans.push(span), spanSources.push(n));
  });
  const arrows: Arrow[] = [];
  const arrowPaths: string[] = [];
  (data.arrowLabels ?? []).forEach((a, n) => {
    const arrow = readArrow(a as Raw, n, labelSets, ctx);
    if (leftOut && (leftOut.has(arrow.originId) || leftOut.has(arrow.destinationId))) {
      source.report?.add({ kind: 'ArrowEndpointMissing', text: `arrow left out: it joins a span that was left out (label item in no label set)`, labelId: arrow.id, place: { file: source.file, jsonPath: `$.data.arrowLabels[${n}]` } });
    } else (arrows.push(arrow), arrowPaths.push(`$.data.arrowLabels[${n}]`));
  });

  const labeler = data.labelerInfo;
  const head = readDocumentAndProject(data, dataFields, ctx);
  // One literal naming every member, then the source fields: neither `{ ...head, key: … }` (V8
  // defines every member after a spread through the runtime, 2–3 µs each: 44 µs per document,
  // issue 15) nor Object.assign of 20 members onto `head`, which left the document in dictionary
  // mode (2.8 of the 53 KB a small document's loading allocated, issue 15). Key order is the same.
  const doc: Document = {
    id: head.id,
    name: head.name,
    project: head.project,
    sourceObjects: head.sourceObjects,
    cabinet: source.cabinet ?? { role: 'REVIEW', folder: 'REVIEW' },
    kinds,
    source: 'DATASAUR_SCHEMA' as const,
    labeler: isJsonObject(labeler) ? readUser(labeler, ctx) : (member('labelerInfo', isNull) ?? null),
    columns: readColumns(data, ctx),
    rows,
    labelSets,
    spans,
    arrows,
    timestamps: packedMap(data.timestampLabels ?? [], (t, n) => readTimestamp(t as Raw, n, ctx)),
    rowQuestions: packedMap(data.rowQuestions ?? [], (q, n) => readQuestion(q as Raw, n, '$.data.rowQuestions[]', [n], defaults, at(['rowQuestions', n]))),
    rowAnswers: readRowAnswers(data),
    documentQuestions: packedMap(data.documentQuestions ?? [], (q, n) => readQuestion(q as Raw, n, '$.data.documentQuestions[]', [n], defaults, at(['documentQuestions', n]))),
    documentAnswers: readDocumentAnswers(data),
    pages: packedMap(data.pages ?? [], (p, n) => readPage(p as Raw, n, ctx)),
    boundingBoxLabelSets: packedMap(data.bboxLabelSets ?? [], (set, n) => readBoxLabelSet(set as Raw, n, ctx)),
    boundingBoxes: [],
    comments: member('comments', isArray) ?? [],
    url: member('url', isStringOrNull),
  };
  Object.assign(doc, dataFields);
  doc.boundingBoxes = packedMap(data.bboxLabels ?? [], (b, n) => readBoundingBox(b as Raw, n, doc.boundingBoxLabelSets, ctx));
  doc.sourceObjects = Object.assign({}, doc.sourceObjects, { envelope });
  validateDocument(doc, source.file, {
    span: (n) => `$.data.spanLabels[${spanSources[n]}].textPosition`,
    timestamp: (n) => `$.data.timestampLabels[${n}].textPosition`,
    arrow: (n) => arrowPaths[n],
  });
  defaults.flush(source.report);
  return doc;
}

/**
 * Rows read one at a time as `readDatasaurSchema` reads `data.rows` (the streamed rows of a large
 * row document, row-source.ts): the same schema check (a bad row gives the error the whole
 * document gives: the rows before it were good), the same defaults and messages. `flush` reports
 * the defaults gathered, once the rows are read.
 */
export function rowReader(kinds: ProjectKind[], source: DocumentSource): { read(cells: unknown, r: number): Row; flush(): void } {
  const ctx = new Context(source);
  return {
    read(cells, r) {
      if (!isPlainRow(cells)) {
        const checked = v.safeParse(rowSchema, cells);
        if (!checked.success) throw schemaError(checked.issues, source.file, ['data', 'rows', r]);
      }
      return readRow(cells as Raw[], r, kinds, ctx);
    },
    flush: () => ctx.defaults.flush(source.report),
  };
}

const rowSchema = v.array(cellSchema);

/** What every object reader of one document needs: where it is, and the defaults said so far. */
class Context implements DocumentScope {
  readonly defaults: FieldDefaults;
  readonly report: Report | undefined;
  readonly file: string;
  readonly root = DATA_ROOT;
  constructor(readonly source: DocumentSource) {
    this.defaults = new FieldDefaults(source.file);
    this.report = source.report;
    this.file = source.file;
  }
  at = (path: PropertyKey[]): Where => ({ report: this.report, file: this.file, path: ['data', ...path] });

  /**
   * `ownFields` of the object at `data.<path>` with its unknown keys reported. Readers of the
   * objects a document has many of (cells, spans) call `ownFields` and `unknownKeys` themselves, so
   * that the path is made only for an object that has unknown keys.
   */
  fields(value: Raw, interpreted: KeySet, known: ReadonlySet<string>, ...path: PropertyKey[]): SourceFields {
    const fields = ownFields(value, interpreted);
    if (fields.extra) this.unknownKeys(fields, interpreted, known, path);
    return fields;
  }

  unknownKeys(fields: SourceFields, interpreted: ReadonlySet<string>, known: ReadonlySet<string>, path: PropertyKey[]): void {
    if (hasUnknownKeys(fields, interpreted, known)) reportUnknownKeys(fields, interpreted, known, this.at(path));
  }
}

const DATA_ROOT = ['data'] as const;

const isNull = (v: unknown): v is null => v === null;
const isArray = (v: unknown): v is JsonValue[] => Array.isArray(v);
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isAnswerSetOrNull = (v: unknown): v is AnswerSet | null => v === null || isJsonObject(v);

// Built once: cells and spans number in the millions on large documents.
const NO_KEYS = keySet();
const ENVELOPE_KEYS = keySet('data');
const ENVELOPE_KNOWN_KEYS = keySet('version');
const CELL_KEYS = keySet('content', 'tokens', 'line', 'index', 'metadata');
const SPAN_KEYS = keySet('id', 'labelItem', 'textPosition', 'layer', 'labelSetIndex', 'counter', ...PROVENANCE_KEYS);
const SPAN_KNOWN_KEYS = keySet('hashCode', 'documentId');
const ARROW_KEYS = keySet('id', 'originId', 'destinationId', 'labelItem', 'layer', ...PROVENANCE_KEYS);
const ARROW_KNOWN_KEYS = keySet('hashCode', 'documentId', 'counter');
const TIMESTAMP_KEYS = keySet('id', 'textPosition', 'layer', 'counter', 'startTimestampMillis', 'endTimestampMillis', 'shouldExpand', ...PROVENANCE_KEYS);
const TIMESTAMP_KNOWN_KEYS = keySet('hashCode', 'documentId');
const PROJECT_KEYS = keySet('id', 'name');
/** Members read as none when absent or null (a null one is written back as null). */
const DATA_LISTS = [
  'rows', 'columns', 'headers', 'labelSets', 'spanLabels', 'arrowLabels', 'timestampLabels', 'rowQuestions', 'rowAnswerSets', 'rowAnswers',
  'documentQuestions', 'documentAnswers', 'pages', 'bboxLabelSets', 'bboxLabels',
];
const DATA_KEYS = keySet(
  'project', 'document', 'kinds', 'labelerInfo', 'comments', 'rows', 'columns', 'headers', 'labelSets', 'spanLabels',
  'arrowLabels', 'timestampLabels', 'rowQuestions', 'rowAnswerSets', 'rowAnswers', 'documentQuestions', 'documentAnswerSet',
  'documentAnswers', 'pages', 'bboxLabelSets', 'bboxLabels', 'url',
);

/** `data.project` and `data.document`: defaultable from the export layout and the file name. */
function readDocumentAndProject(data: Raw, dataFields: SourceFields, ctx: Context): Pick<Document, 'id' | 'name' | 'project' | 'sourceObjects'> {
  const { source, defaults } = ctx;
  const stem = source.file.replace(/^.*[/!\\]/, '').replace(/\.[^.]+$/, '');
  const layout = source.project;
  const rawProject = data.project as Raw | null | undefined;
  if (rawProject == null) {
    defaults.missing('$.data.project', [], layout ? `the project of the export folder (${layout.folder}) assumed` : `project id "unknown", name "${stem}" assumed`);
    if (rawProject === null) keepNull(dataFields, 'project');
  }
  const projectFields = rawProject ? ctx.fields(rawProject, PROJECT_KEYS, NO_KEYS, 'project') : {};
  let projectId = rawProject?.id as string | number | null | undefined;
  if (rawProject && projectId == null) {
    defaults.missing('$.data.project.id', [], layout ? `the export folder's project id (${layout.id}) assumed` : 'project id "unknown" assumed');
    if (projectId === null) keepNull(projectFields, 'id');
  }
  let projectName = rawProject?.name as string | null | undefined;
  if (rawProject && projectName == null) {
    defaults.missing('$.data.project.name', [], layout ? `the export folder's project name (${layout.name}) assumed` : `the file name ("${stem}") assumed`);
    if (projectName === null) keepNull(projectFields, 'name');
  }
  projectId = projectId == null ? (layout?.id ?? 'unknown') : String(projectId);
  projectName ??= layout?.name ?? stem;
  // The document names its project; the folder it came from is kept for output paths.
  const project: DocumentProject = { id: projectId, name: projectName, folder: layout?.folder ?? projectFolderName(projectName, projectId), ...projectFields };

  const rawDocument = data.document as Raw | null | undefined;
  const name = source.documentName ?? stem;
  if (rawDocument == null) {
    defaults.missing('$.data.document', [], `the document is named after its file ("${name}"), which is also its id`);
    if (rawDocument === null) keepNull(dataFields, 'document');
  }
  const documentFields = rawDocument ? ctx.fields(rawDocument, PROJECT_KEYS, NO_KEYS, 'document') : undefined;
  let documentName = rawDocument?.name as string | null | undefined;
  if (rawDocument && documentName == null) {
    defaults.missing('$.data.document.name', [], `the file name ("${name}") assumed`);
    if (documentName === null) keepNull(documentFields!, 'name');
  }
  documentName ??= name;
  let documentId = rawDocument?.id as string | number | null | undefined;
  if (rawDocument && documentId == null) {
    defaults.missing('$.data.document.id', [], `the document name ("${documentName}") is its id`);
    if (documentId === null) keepNull(documentFields!, 'id');
  }
  return {
    id: documentId == null ? documentName : String(documentId),
    name: documentName,
    project,
    sourceObjects: documentFields ? { document: documentFields } : undefined,
  };
}

function readKinds(data: DatasaurSchemaData, dataFields: SourceFields, defaults: FieldDefaults): ProjectKind[] {
  const listed: unknown[] = Array.isArray(data.kinds) ? data.kinds : [];
  const declared = listed.filter((k): k is ProjectKind => (PROJECT_KINDS as readonly string[]).includes(k as string));
  // `null`, another type or kinds this version does not know: the same format writes them back as they were.
  const asKnown = Array.isArray(data.kinds) && listed.length > 0 && declared.length === listed.length;
  if (data.kinds !== undefined && !asKnown) keepAsIs(dataFields, 'kinds', data.kinds);
  if (declared.length) return declared;
  const kinds = inferKinds(data);
  defaults.missing('$.data.kinds', [], `${data.kinds?.length ? 'no known kind; ' : ''}${kinds.join(', ')} inferred from the members present`);
  return kinds;
}

/** The kinds of a document whose `kinds` names none (older files lack it): from the members it holds. */
export function inferKinds(data: Pick<DatasaurSchemaData, 'spanLabels' | 'rows' | 'columns' | 'headers' | 'rowQuestions' | 'bboxLabels' | 'bboxLabelSets' | 'documentQuestions'>): ProjectKind[] {
  const kinds: ProjectKind[] = [];
  if (data.spanLabels || (data.rows && !data.columns && !data.headers && !data.rowQuestions)) kinds.push('TOKEN_BASED');
  if (data.columns || data.headers || data.rowQuestions) kinds.push('ROW_BASED');
  if (data.bboxLabels || data.bboxLabelSets) kinds.push('BBOX_BASED');
  if (data.documentQuestions) kinds.push('DOCUMENT_BASED');
  if (!kinds.length) kinds.push('TOKEN_BASED');
  return kinds;
}

function readColumns(data: DatasaurSchemaData, ctx: Context): Column[] {
  if (data.columns) {
    return packedMap(data.columns, (c, n) => {
      const fields = ctx.fields(c, COLUMN_KEYS, NO_KEYS, 'columns', n);
      return {
        name: c.name,
        id: carried(c.id, 'id', fields, isId),
        displayed: carried(c.displayed, 'displayed', fields, isBoolean),
        labelerRestricted: carried(c.labelerRestricted, 'labelerRestricted', fields, isBoolean),
        ...fields,
      };
    });
  }
  return packedMap(data.headers ?? [], (name) => ({ name }));
}

function readLabelSet(set: Raw, index: number, ctx: Context): LabelSet {
  const fields = ownFields(set, LABEL_SET_KEYS);
  if (fields.extra) ctx.unknownKeys(fields, LABEL_SET_KEYS, LABEL_SET_KNOWN_KEYS, ['labelSets', index]);
  keepNullLists(set, fields, ['labelItems']);
  return {
    index,
    id: carriedId(set.id, 'id', fields),
    name: carried(set.name, 'name', fields, isStringOrNull),
    items: packedMap((set.labelItems ?? []) as Raw[], (item, n) => readLabelItem(item, index, n, ctx)),
    ...fields,
  };
}

function readRow(cells: Raw[], r: number, kinds: ProjectKind[], ctx: Context): Row {
  const token = kinds.includes('TOKEN_BASED');
  const out: Cell[] = new Array(cells.length);
  for (let c = 0; c < cells.length; c++) out[c] = readCell(cells[c], r, c, token, ctx);
  // Token documents have one cell per row: its metadata is the row's (JSON_ADVANCED sentence metadata).
  const single = token && out.length === 1;
  return { index: r, cells: out, metadata: single ? out[0].metadata ?? [] : [] };
}

function readCell(cell: Raw, r: number, c: number, token: boolean, ctx: Context): Cell {
  const fields = ownFields(cell, CELL_KEYS);
  if (fields.extra) ctx.unknownKeys(fields, CELL_KEYS, NO_KEYS, ['rows', r, c]);
  if (cell.metadata === null) keepNull(fields, 'metadata');
  let tokens = cell.tokens as string[] | null | undefined;
  if (tokens == null) {
    // Row cells are not tokenized: only a token document misses them.
    if (token) ctx.defaults.missing('$.data.rows[][].tokens', [r, c], 'no tokens (token formats write nothing for the cell)');
    if (tokens === null) keepNull(fields, 'tokens');
    tokens = [];
  }
  let content = cell.content as string | null | undefined;
  if (content == null) {
    ctx.defaults.missing('$.data.rows[][].content', [r, c], 'the tokens joined by single spaces');
    if (content === null) keepNull(fields, 'content');
    content = tokens.join(' ');
  }
  const rawMetadata = cell.metadata as Raw[] | null | undefined;
  const line = cell.line === undefined ? undefined : carried(cell.line, 'line', fields, isNumber);
  const index = cell.index === undefined ? undefined : carried(cell.index, 'index', fields, isNumber);
  const metadata = rawMetadata ? readMetadata(rawMetadata, '$.data.rows[][].metadata', [r, c], ctx.defaults, ctx.at(['rows', r, c, 'metadata'])) : undefined;
  // One literal when the cell's own fields are only its key order, as for spans (readSpan).
  if (fields.extra === undefined) return { content, tokens, line, index, metadata, keyOrder: fields.keyOrder };
  return { content, tokens, line, index, metadata, ...fields };
}

const LABEL_ITEM_KEYS = keySet('id', 'labelName');
const TEXT_POSITION_KEYS = keySet('start', 'end');
const POSITION_KEYS = keySet('row', 'column', 'tokenIndex', 'charIndex');

/**
 * Key orders of a label's nested objects as files write them: the first is the writer's own (no
 * SourceFields needed), the others share one frozen SourceFields each, so a million spans written
 * by another tool (`row, tokenIndex, column, charIndex`, as the benchmark generator writes them) do
 * not hold a million copies of the same key order. Anything else gets its own.
 */
interface Forms {
  orders: readonly (readonly string[])[];
  shared: ReadonlyArray<SourceFields | undefined>;
}
const forms = (...orders: string[][]): Forms => ({ orders, shared: orders.map((keyOrder, i) => (i === 0 ? undefined : Object.freeze({ keyOrder }))) });
const LABEL_ITEM_FORMS = forms(['id', 'labelName'], ['id']);
const TEXT_POSITION_FORMS = forms(['start', 'end']);
const POSITION_FORMS = forms(['row', 'column', 'tokenIndex', 'charIndex'], ['row', 'tokenIndex', 'column', 'charIndex'], ['row', 'tokenIndex', 'charIndex'], ['row', 'tokenIndex']);

/** Which of the forms an object has (its keys exactly, in order), or -1. */
function formOf(value: Raw, f: Forms): number {
  next: for (let k = 0; k < f.orders.length; k++) {
    const keys = f.orders[k];
    let i = 0;
    for (const key in value) if (key !== keys[i++]) continue next;
    if (i === keys.length) return k;
  }
  return -1;
}

/** Nested forms made only of shared parts, by their form numbers: shared too. */
const sharedNested = new Map<number, NestedSourceFields>();

/**
 * The nested objects of a label (`labelItem`, `textPosition`, `start`, `end`) that differ from
 * the writer's form: their key order, unknown keys and nulls, so the same-format writer
 * reproduces them. Files in the writer's form keep nothing.
 */
function nestedFields(s: Raw, member: string, n: number, ctx: Context): NestedSourceFields | undefined {
  const labelItem = s.labelItem as Raw | null | undefined;
  const textPosition = s.textPosition as Raw | undefined;
  const start = textPosition?.start as Raw | undefined;
  const end = textPosition?.end as Raw | undefined;
  const li = labelItem ? formOf(labelItem, LABEL_ITEM_FORMS) : 0;
  const tp = textPosition ? formOf(textPosition, TEXT_POSITION_FORMS) : 0;
  const st = start && start.column !== null && start.charIndex !== null ? formOf(start, POSITION_FORMS) : start ? -1 : 0;
  const en = end && end.column !== null && end.charIndex !== null ? formOf(end, POSITION_FORMS) : end ? -1 : 0;
  if (li === 0 && tp === 0 && st === 0 && en === 0) return undefined;
  if (li >= 0 && tp >= 0 && st >= 0 && en >= 0) {
    const key = ((li * 4 + tp) * 4 + st) * 4 + en;
    let nested = sharedNested.get(key);
    if (!nested) {
      nested = Object.freeze({ labelItem: LABEL_ITEM_FORMS.shared[li], textPosition: TEXT_POSITION_FORMS.shared[tp], start: POSITION_FORMS.shared[st], end: POSITION_FORMS.shared[en] });
      sharedNested.set(key, nested);
    }
    return nested;
  }
  const own = (value: Raw, form: number, f: Forms, keys: KeySet, path: PropertyKey[]) => (form >= 0 ? f.shared[form] : ctx.fields(value, keys, NO_KEYS, member, n, ...path));
  const nested: NestedSourceFields = {
    labelItem: labelItem ? own(labelItem, li, LABEL_ITEM_FORMS, LABEL_ITEM_KEYS, ['labelItem']) : undefined,
    textPosition: textPosition ? own(textPosition, tp, TEXT_POSITION_FORMS, TEXT_POSITION_KEYS, ['textPosition']) : undefined,
  };
  for (const [which, p, form] of [['start', start, st], ['end', end, en]] as const) {
    if (!p) continue;
    const fields = own(p, form, POSITION_FORMS, POSITION_KEYS, ['textPosition', which]);
    if (fields && form < 0) {
      if (p.column === null) keepNull(fields, 'column');
      if (p.charIndex === null) keepNull(fields, 'charIndex');
    }
    nested[which] = fields;
  }
  return nested;
}

/** `{nested}` when a label's nested objects differ from the canonical form, else nothing. */
function nestedOf(l: Raw, member: string, n: number, ctx: Context): { nested?: NestedSourceFields } {
  const nested = nestedFields(l, member, n, ctx);
  return nested ? { nested } : {};
}

/** Label items by id, per label set: one lookup per span. */
type ItemIndex = Array<Map<string, LabelItem>>;
function itemIndex(labelSets: LabelSet[]): ItemIndex {
  return packedMap(labelSets, (set) => {
    const byId = new Map<string, LabelItem>();
    // The first item with an id wins, as a search of the set would find it.
    for (const item of set.items) if (!byId.has(item.id)) byId.set(item.id, item);
    return byId;
  });
}

type RawPosition = { row: number; tokenIndex: number; column?: number | null; charIndex?: number | null };

/** A textPosition end: column 0 and, without a charIndex, the token's last character (-1, resolved by validateDocument). */
function position(p: RawPosition, end: boolean, prefix: string, n: number, defaults: FieldDefaults): TokenPosition {
  let column = p.column;
  let char = p.charIndex;
  if (column == null) {
    defaults.missing(`${prefix}.${end ? 'end' : 'start'}.column`, [n], 'column 0');
    column = 0;
  }
  if (char == null) {
    defaults.missing(`${prefix}.${end ? 'end' : 'start'}.charIndex`, [n], end ? "the token's last character" : 'the first character');
    char = end ? -1 : 0;
  }
  return { row: p.row, column, token: p.tokenIndex, char };
}

/** Defaults a label's id (synthesized from its place) and counter (0). */
function labelId(value: Raw, fields: SourceFields, member: string, n: number, defaults: FieldDefaults): string {
  if (value.id != null) return String(value.id);
  defaults.missing(`$.data.${member}[].id`, [n], 'an id was synthesized from its place (auto:…)');
  if (value.id === null) keepNull(fields, 'id');
  return syntheticId(`${member}[${n}]`);
}

function counter(value: Raw, fields: SourceFields, prefix: string, n: number, defaults: FieldDefaults): number {
  const c = value.counter as number | null | undefined;
  if (c != null) return c;
  defaults.missing(`${prefix}.counter`, [n], 'counter 0');
  if (c === null) keepNull(fields, 'counter');
  return 0;
}

function readSpan(s: Raw, n: number, labelSets: LabelSet[], items: ItemIndex, ctx: Context): Span | null {
  const { source, defaults } = ctx;
  const fields = ownFields(s, SPAN_KEYS);
  if (fields.extra) ctx.unknownKeys(fields, SPAN_KEYS, SPAN_KNOWN_KEYS, ['spanLabels', n]);
  const id = labelId(s, fields, 'spanLabels', n, defaults);
  const labelItem = s.labelItem as Raw;
  const itemId = String(labelItem.id);
  const layer = (s.layer ?? s.labelSetIndex) as number | null | undefined;
  // Spans number in the hundreds of thousands: the common case (a layer whose set holds the item)
  // takes one map lookup; anything else goes through resolveSpanLabel.
  const item = layer == null ? undefined : items[layer]?.get(itemId);
  let resolved: { layer: number; labelName: string };
  if (item) resolved = { layer: layer!, labelName: item.labelName };
  else {
    if (layer == null) {
      defaults.missing('$.data.spanLabels[].layer', [n], 'the label set that holds its label item');
      if (s.layer === null) keepNull(fields, 'layer');
    }
    // The item's name in the file is carried: the label set's name wins; it names an item no set holds.
    const fileName = typeof labelItem.labelName === 'string' ? labelItem.labelName : undefined;
    const path = `$.data.spanLabels[${n}]`;
    const label = resolveSpanLabel(layer ?? undefined, itemId, fileName, labelSets, source.file, path);
    if ('leftOut' in label || label.itemMissing) reportLabelItemMissing(source.report, source.file, `${path}.labelItem.id`, id, itemId, label);
    if ('leftOut' in label) return null;
    resolved = label;
  }
  const textPosition = s.textPosition as { start: RawPosition; end: RawPosition };
  const start = position(textPosition.start, false, '$.data.spanLabels[].textPosition', n, defaults);
  const end = position(textPosition.end, true, '$.data.spanLabels[].textPosition', n, defaults);
  const count = counter(s, fields, '$.data.spanLabels[]', n, defaults);
  const p = readProvenance(s, fields, defaults, '$.data.spanLabels[]', n);
  // A span whose own fields are only its key order (nearly every one) is one literal: spreading the
  // provenance and the fields into it made a temporary object and grew its property store member by
  // member (1.7 of the 38 KB a small document's loading allocated, issue 15). Same keys, same order.
  const span: Span =
    fields.extra === undefined
      ? {
          id,
          layer: resolved.layer,
          labelItemId: itemId,
          labelName: resolved.labelName,
          start,
          end,
          counter: count,
          status: p.status,
          labeledBy: p.labeledBy,
          labeledByUserId: p.labeledByUserId,
          acceptedByUserId: p.acceptedByUserId,
          rejectedByUserId: p.rejectedByUserId,
          createdAt: p.createdAt,
          updatedAt: p.updatedAt,
          keyOrder: fields.keyOrder,
        }
      : { id, layer: resolved.layer, labelItemId: itemId, labelName: resolved.labelName, start, end, counter: count, ...p, ...fields };
  const nested = nestedFields(s, 'spanLabels', n, ctx);
  if (nested) span.nested = nested;
  return span;
}

function readArrow(a: Raw, n: number, labelSets: LabelSet[], ctx: Context): Arrow {
  const { defaults } = ctx;
  const fields = ownFields(a, ARROW_KEYS);
  if (fields.extra) ctx.unknownKeys(fields, ARROW_KEYS, ARROW_KNOWN_KEYS, ['arrowLabels', n]);
  const labelItem = a.labelItem as Raw | null | undefined;
  if (labelItem === undefined) defaults.missing('$.data.arrowLabels[].labelItem', [n], 'an arrow without a label (null)');
  const itemId = labelItem ? String(labelItem.id) : null;
  if (a.layer === undefined) defaults.missing('$.data.arrowLabels[].layer', [n], 'no label set (null)');
  const layer = (a.layer ?? null) as number | null;
  const item = itemId === null ? undefined : (layer !== null ? labelSets[layer]?.items : labelSets.flatMap((s) => s.items))?.find((i) => i.id === itemId);
  return {
    id: labelId(a, fields, 'arrowLabels', n, defaults),
    originId: String(a.originId),
    destinationId: String(a.destinationId),
    layer,
    labelItemId: itemId,
    labelName: item?.labelName ?? (typeof labelItem?.labelName === 'string' ? labelItem.labelName : itemId),
    ...readProvenance(a, fields, defaults, '$.data.arrowLabels[]', n),
    ...nestedOf(a, 'arrowLabels', n, ctx),
    ...fields,
  };
}

function readTimestamp(t: Raw, n: number, ctx: Context): TimestampLabel {
  const { defaults } = ctx;
  const fields = ownFields(t, TIMESTAMP_KEYS);
  if (fields.extra) ctx.unknownKeys(fields, TIMESTAMP_KEYS, TIMESTAMP_KNOWN_KEYS, ['timestampLabels', n]);
  const textPosition = t.textPosition as { start: RawPosition; end: RawPosition };
  let layer = t.layer as number | null | undefined;
  if (layer == null) {
    defaults.missing('$.data.timestampLabels[].layer', [n], 'label set 0');
    if (layer === null) keepNull(fields, 'layer');
    layer = 0;
  }
  let shouldExpand = t.shouldExpand as boolean | null | undefined;
  if (shouldExpand == null) {
    defaults.missing('$.data.timestampLabels[].shouldExpand', [n], 'false');
    if (shouldExpand === null) keepNull(fields, 'shouldExpand');
    shouldExpand = false;
  }
  return {
    id: labelId(t, fields, 'timestampLabels', n, defaults),
    layer,
    start: position(textPosition.start, false, '$.data.timestampLabels[].textPosition', n, defaults),
    end: position(textPosition.end, true, '$.data.timestampLabels[].textPosition', n, defaults),
    counter: counter(t, fields, '$.data.timestampLabels[]', n, defaults),
    startTimestampMillis: t.startTimestampMillis as number,
    endTimestampMillis: t.endTimestampMillis as number,
    shouldExpand,
    ...readProvenance(t, fields, defaults, '$.data.timestampLabels[]', n),
    ...nestedOf(t, 'timestampLabels', n, ctx),
    ...fields,
  };
}

/** Answer keys may be `"Q<id>"` (as in the API's mutations): normalize to the bare id. */
function normalizeAnswerKeys(answers: Record<string, unknown>): AnswerSet {
  let renamed = false;
  for (const key in answers) {
    const value = answers[key];
    // Most answers are strings: only numbers and nested values can hold an inexact number.
    if (typeof value === 'number' || (typeof value === 'object' && value !== null)) watchValue(value);
    if (/^Q\d+$/.test(key)) renamed = true;
  }
  // Without a `Q<id>` key the parsed object is the answer set as it is: a copy built key by key
  // took more than twice the memory of the one JSON.parse made (an element store with room to
  // grow for a key such as "1"): 223 MB against 94 MB for scenario c's million rows' answers.
  if (!renamed) return answers as AnswerSet;
  const out: AnswerSet = {};
  for (const [key, value] of Object.entries(answers)) out[/^Q\d+$/.test(key) ? key.slice(1) : key] = value as JsonValue;
  return out;
}

function readRowAnswers(data: DatasaurSchemaData): Record<string, AnswerSet> {
  const out: Record<string, AnswerSet> = {};
  if (data.rowAnswerSets) {
    const sets = data.rowAnswerSets as Record<string, Record<string, unknown> | null>;
    // The parsed record itself when no set is null or renamed: a copy of a million answer sets
    // (with a [key, value] pair each from Object.entries) was a second copy at the reader's peak.
    let asParsed = true;
    for (const row in sets) {
      const answers = sets[row];
      if (!answers || normalizeAnswerKeys(answers) !== answers) {
        asParsed = false;
        break;
      }
    }
    if (asParsed) return sets as Record<string, AnswerSet>;
    for (const row in sets) {
      const answers = sets[row];
      if (answers) out[row] = normalizeAnswerKeys(answers);
    }
  } else if (data.rowAnswers) {
    for (const entry of data.rowAnswers) out[String(entry.line)] = normalizeAnswerKeys(entry.answers);
  }
  return out;
}

function readDocumentAnswers(data: DatasaurSchemaData): AnswerSet | null {
  const answers = data.documentAnswerSet !== undefined ? data.documentAnswerSet : data.documentAnswers;
  return answers ? normalizeAnswerKeys(answers) : answers === null ? null : data.documentQuestions ? {} : null;
}

function readPage(p: Raw, n: number, ctx: Context): Page {
  const fields = ctx.fields(p, PAGE_KEYS, NO_KEYS, 'pages', n);
  let pageIndex = p.pageIndex as number | null | undefined;
  if (pageIndex == null) {
    ctx.defaults.missing('$.data.pages[].pageIndex', [n], `its position (${n})`);
    if (pageIndex === null) keepNull(fields, 'pageIndex');
    pageIndex = n;
  }
  // A size the file leaves null is not known (written back as null).
  const size = (key: 'pageHeight' | 'pageWidth') => {
    const v = carried(p[key], key, fields, isNumberOrNull);
    if (v === null) keepNull(fields, key);
    return v ?? undefined;
  };
  return { pageIndex, pageHeight: size('pageHeight'), pageWidth: size('pageWidth'), ...fields };
}

function readBoxLabelSet(set: Raw, n: number, ctx: Context): BoundingBoxLabelSet {
  const { defaults } = ctx;
  const fields = ctx.fields(set, BOX_SET_KEYS, BOX_SET_KNOWN_KEYS, 'bboxLabelSets', n);
  keepNullLists(set, fields, ['classes']);
  if (set.id == null) {
    defaults.missing('$.data.bboxLabelSets[].id', [n], 'an id was synthesized from its place (auto:…)');
    if (set.id === null) keepNull(fields, 'id');
  }
  return {
    id: set.id == null ? syntheticId(`bboxLabelSets[${n}]`) : String(set.id),
    name: carried(set.name, 'name', fields, isStringOrNull),
    classes: packedMap((set.classes ?? []) as Raw[], (c, k) => readBoxClass(c, n, k, ctx)),
    ...fields,
  };
}

function readBoxClass(c: Raw, n: number, k: number, ctx: Context): BoundingBoxClass {
  const { defaults, at } = ctx;
  const fields = ctx.fields(c, BOX_CLASS_KEYS, BOX_CLASS_KNOWN_KEYS, 'bboxLabelSets', n, 'classes', k);
  keepNullLists(c, fields, ['questions']);
  if (c.id == null) {
    defaults.missing('$.data.bboxLabelSets[].classes[].id', [n, k], 'an id was synthesized from its place (auto:…)');
    if (c.id === null) keepNull(fields, 'id');
  }
  const id = c.id == null ? syntheticId(`bboxLabelSets[${n}].classes[${k}]`) : String(c.id);
  if (c.name == null) {
    defaults.missing('$.data.bboxLabelSets[].classes[].name', [n, k], 'the class id is its name');
    if (c.name === null) keepNull(fields, 'name');
  }
  const questions = c.questions as Raw[] | null | undefined;
  return {
    id,
    name: (c.name as string | null | undefined) ?? id,
    color: carried(c.color, 'color', fields, isStringOrNull),
    questions: questions
      ? packedMap(questions, (q, i) => readQuestion(q, i, '$.data.bboxLabelSets[].classes[].questions[]', [n, k, i], defaults, at(['bboxLabelSets', n, 'classes', k, 'questions', i])))
      : undefined,
    ...fields,
  };
}

function readBoundingBox(b: Raw, n: number, sets: BoundingBoxLabelSet[], ctx: Context): BoundingBox {
  const { defaults } = ctx;
  const fields = ownFields(b, BOX_KEYS);
  if (fields.extra) ctx.unknownKeys(fields, BOX_KEYS, NO_KEYS, ['bboxLabels', n]);
  keepNullLists(b, fields, ['shapes']);
  const classId = String(b.bboxLabelClassId);
  let className = b.bboxLabelClassName as string | null | undefined;
  if (className == null) {
    defaults.missing('$.data.bboxLabels[].bboxLabelClassName', [n], "the name of its class in bboxLabelSets (else the class id)");
    if (className === null) keepNull(fields, 'bboxLabelClassName');
    className = sets.flatMap((s) => s.classes).find((c) => c.id === classId)?.name ?? classId;
  }
  const documentId = carriedId(b.documentId, 'documentId', fields);
  const answers = carried(b.answers, 'answers', fields, isAnswerSetOrNull);
  return {
    id: labelId(b, fields, 'bboxLabels', n, defaults),
    documentId,
    classId,
    className,
    caption: carried(b.caption, 'caption', fields, isStringOrNull),
    shapes: packedMap((b.shapes ?? []) as Raw[], (s, k) => readShape(s, n, k, ctx)),
    answers,
    ...readProvenance(b, fields, defaults, '$.data.bboxLabels[]', n),
    ...fields,
  };
}

function readShape(s: Raw, n: number, k: number, ctx: Context): Shape {
  const fields = ownFields(s, SHAPE_KEYS);
  if (fields.extra) ctx.unknownKeys(fields, SHAPE_KEYS, NO_KEYS, ['bboxLabels', n, 'shapes', k]);
  keepNullLists(s, fields, ['points']);
  let pageIndex = s.pageIndex as number | null | undefined;
  if (pageIndex == null) {
    ctx.defaults.missing('$.data.bboxLabels[].shapes[].pageIndex', [n, k], 'page 0');
    if (pageIndex === null) keepNull(fields, 'pageIndex');
    pageIndex = 0;
  }
  return {
    pageIndex,
    points: packedMap((s.points ?? []) as Raw[], (p, i) => readPoint(p, n, k, i, ctx)),
    ...fields,
  };
}

function readPoint(p: Raw, n: number, k: number, i: number, ctx: Context): { x: number; y: number } & SourceFields {
  const fields = ownFields(p, POINT_KEYS);
  if (fields.extra) ctx.unknownKeys(fields, POINT_KEYS, NO_KEYS, ['bboxLabels', n, 'shapes', k, 'points', i]);
  return { x: p.x as number, y: p.y as number, ...fields };
}

const COLUMN_KEYS = keySet('name', 'id', 'displayed', 'labelerRestricted');
const LABEL_SET_KEYS = keySet('id', 'name', 'labelItems');
const LABEL_SET_KNOWN_KEYS = keySet('index');
const PAGE_KEYS = keySet('pageIndex', 'pageHeight', 'pageWidth');
const BOX_SET_KEYS = keySet('id', 'name', 'classes');
const BOX_SET_KNOWN_KEYS = keySet('autoLabelProvider');
const BOX_CLASS_KEYS = keySet('id', 'name', 'color', 'questions');
const BOX_CLASS_KNOWN_KEYS = keySet('captionAllowed', 'captionRequired');
const SHAPE_KEYS = keySet('pageIndex', 'points');
const BOX_KEYS = keySet('id', 'documentId', 'bboxLabelClassId', 'bboxLabelClassName', 'caption', 'shapes', 'answers', ...PROVENANCE_KEYS);
const POINT_KEYS = keySet('x', 'y');
const isId = (v: unknown): v is string | number => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
