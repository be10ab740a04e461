import * as v from 'valibot';
import type { Arrow, Document, JsonValue, LabelSet, Row, Span, TimestampLabel, TokenPosition, SourceFields } from '../model/types.js';
import { emptyDocument } from '../model/build.js';
import { InputError } from '../errors.js';
import { carried, isJsonObject, isStringOrNull, keepNull, keepNullLists, keySet, sourceFields, type KeySet } from './source-fields.js';
import { schemaError, type DocumentSource } from './context.js';
import { STATUS, defaultableId, defaultableIndex, index, integer, json, list, looseObject, number } from './schema-parts.js';
import { validateDocument } from './validate-document.js';
import { PROVENANCE_KEYS, readProvenance } from './provenance.js';
import { FieldDefaults, syntheticId } from './defaults.js';
import { readLabelItem, readMetadata, readUser, reportLabelItemMissing, resolveSpanLabel, type Where } from './common-objects.js';
import { packedMap } from './packed-map.js';

/**
 * JSON_ADVANCED (FORMATS.md §3, confirmed in full), following the field-necessity table
 * (docs/formats.md): needed fields are checked here, defaultable ones may be absent or null.
 * Loose objects: unknown keys are kept.
 */
const labelSchema = looseObject({
  id: defaultableId,
  type: v.nullish(v.string()),
  startCellLine: index,
  startCellIndex: defaultableIndex,
  startTokenIndex: index,
  startCharIndex: defaultableIndex,
  endCellLine: index,
  endCellIndex: defaultableIndex,
  endTokenIndex: index,
  endCharIndex: defaultableIndex,
  layer: defaultableIndex,
  counter: v.nullish(integer),
  labelSetItemId: defaultableId,
  status: v.nullish(STATUS),
  labeledBy: v.nullish(v.string()),
  originId: defaultableId,
  destinationId: defaultableId,
  startTimestampMillis: v.nullish(number),
  endTimestampMillis: v.nullish(number),
  shouldExpand: v.nullish(v.boolean()),
});

export const jsonAdvancedSchema = looseObject({
  sentences: v.array(
    looseObject({
      id: defaultableIndex,
      content: v.nullish(v.string()),
      tokens: v.array(v.string()),
      metadata: list(looseObject({ key: v.string(), value: v.nullish(json) })),
    }),
  ),
  labelSets: list(
    looseObject({
      index: defaultableIndex,
      labelItems: list(looseObject({ id: defaultableId, labelName: v.nullish(v.string()) })),
    }),
  ),
  labels: list(labelSchema),
});

type Label = v.InferOutput<typeof labelSchema>;
type Raw = Record<string, unknown>;

const POSITION_KEYS = [
  'startCellLine', 'startCellIndex', 'startTokenIndex', 'startCharIndex', 'endCellLine', 'endCellIndex', 'endTokenIndex', 'endCharIndex',
];
const SPAN_KEYS = keySet('id', 'type', 'layer', 'counter', 'labelSetItemId', 'labelText', 'documentId', 'hashCode', ...POSITION_KEYS, ...PROVENANCE_KEYS);
/** Documented keys of a SPAN object that carry nothing for a span (arrow fields, always null/"0"). */
const SPAN_KNOWN = keySet('originId', 'originNumber', 'destinationId', 'destinationNumber');
const ARROW_KEYS = keySet('id', 'type', 'layer', 'counter', 'labelSetItemId', 'documentId', 'hashCode', 'originId', 'destinationId', ...POSITION_KEYS, ...PROVENANCE_KEYS);
const ARROW_KNOWN = keySet('labelText', 'originNumber', 'destinationNumber');
const TIMESTAMP_KEYS = keySet('id', 'type', 'layer', 'counter', 'documentId', 'hashCode', 'startTimestampMillis', 'endTimestampMillis', 'shouldExpand', ...POSITION_KEYS, ...PROVENANCE_KEYS);
const TOP_KEYS = keySet('sentences', 'labelerInfo', 'labelSets', 'labels', 'comments');
const SENTENCE_KEYS = keySet('id', 'content', 'tokens', 'metadata', 'labels');
const NO_KEYS = keySet();
const LABEL_TYPES = new Set(['SPAN', 'ARROW', 'TIMESTAMP']);

/**
 * Reads one JSON_ADVANCED document. The file does not name its project or document: those come
 * from the ZIP layout (`source.project`, `source.documentName`); the document id from the labels'
 * `documentId` when any label has one.
 */
export function readJsonAdvanced(value: unknown, source: DocumentSource): Document {
  const parsed = v.safeParse(jsonAdvancedSchema, value);
  if (!parsed.success) throw schemaError(parsed.issues, source.file);
  // The schema validated the raw value; map from the raw value itself because the schema's output
  // reorders keys (schema keys first) and the source order is what lets writers reproduce the
  // server's bytes.
  const file = value as Raw & v.InferOutput<typeof jsonAdvancedSchema>;
  const at = (path: PropertyKey[]): Where => ({ report: source.report, file: source.file, path });
  const defaults = new FieldDefaults(source.file);
  const scope = { report: source.report, file: source.file, defaults, root: [] };
  const top = sourceFields(file, TOP_KEYS, NO_KEYS, at([]));
  keepNullLists(file, top, ['labelSets', 'labels']);

  const labelSets: LabelSet[] = packedMap(file.labelSets ?? [], (set, n) => {
    const fields = sourceFields(set, keySet('index', 'labelItems'), NO_KEYS, at(['labelSets', n]));
    keepNullLists(set, fields, ['labelItems']);
    let setIndex = set.index;
    if (setIndex == null) {
      defaults.missing('$.labelSets[].index', [n], `its position (${n})`);
      if (setIndex === null) keepNull(fields, 'index');
      setIndex = n;
    }
    return {
      index: setIndex,
      items: packedMap((set.labelItems ?? []) as Raw[], (item, k) => readLabelItem(item, n, k, scope)),
      ...fields,
    };
  });

  const rows: Row[] = packedMap(file.sentences, (s, n) => readSentence(s as Raw, n, defaults, at(['sentences', n])));

  const spans: Span[] = [];
  const spanPaths: string[] = [];
  const arrows: Arrow[] = [];
  const arrowPaths: string[] = [];
  const timestamps: TimestampLabel[] = [];
  const timestampPaths: string[] = [];
  const leftOut = new Set<string>();
  const labels = (file.labels ?? []) as Array<Label & Raw>;
  const documentId = labels.map((l) => l.documentId).find((d): d is string => typeof d === 'string');
  const name = source.documentName ?? source.file.replace(/^.*[/!]/, '').replace(/\.json$/i, '');
  labels.forEach((label, n) => {
    const path = `$.labels[${n}]`;
    let type = label.type;
    if (type == null) {
      type = label.originId != null && label.destinationId != null ? 'ARROW' : 'SPAN';
      defaults.missing('$.labels[].type', [n], `${type} assumed (ARROW when originId and destinationId are set)`);
    }
    if (!LABEL_TYPES.has(type)) {
      source.report?.add({ kind: 'LabelTypeUnknown', text: `label of type ${JSON.stringify(type)} left out: a label is a SPAN, an ARROW or a TIMESTAMP`, labelId: label.id == null ? undefined : String(label.id), place: { file: source.file, jsonPath: `${path}.type` } });
      leftOut.add(placeId(label, n));
      return;
    }
    const common = { n, defaults, where: at(['labels', n]), documentId, docId: documentId ?? name };
    if (type === 'TIMESTAMP') {
      timestamps.push(readTimestamp(label, common, source.file));
      timestampPaths.push(path);
    } else if (type === 'ARROW') {
      arrows.push(readArrow(label, labelSets, common));
      arrowPaths.push(path);
    } else {
      const span = readSpan(label, labelSets, source, common);
      if (span) (spans.push(span), spanPaths.push(path));
      else leftOut.add(placeId(label, n));
    }
  });
  const keptArrows = arrows.filter((arrow, n) => {
    if (!leftOut.has(arrow.originId) && !leftOut.has(arrow.destinationId)) return true;
    source.report?.add({ kind: 'ArrowEndpointMissing', text: 'arrow left out: it joins a label that was left out', labelId: arrow.id, place: { file: source.file, jsonPath: arrowPaths[n] } });
    arrowPaths[n] = '';
    return false;
  });
  const keptArrowPaths = arrowPaths.filter(Boolean);

  // The format has no document id of its own: a document no label names is known by its name (not
  // reported: every unlabeled export is so; the table says it).
  const labeler = file.labelerInfo;
  // Object.assign, not a spread followed by members (slow in V8: see readDatasaurSchema).
  const doc: Document = Object.assign(emptyDocument(['TOKEN_BASED'], {
      id: documentId ?? name,
      name,
      project: source.project ?? { id: 'unknown', name: 'unknown' },
      cabinet: source.cabinet,
    }), {
    source: 'JSON_ADVANCED' as const,
    labeler: isJsonObject(labeler) ? readUser(labeler, scope) : (carried(file.labelerInfo, 'labelerInfo', top, isNull) ?? null),
    rows,
    labelSets,
    spans,
    arrows: keptArrows,
    timestamps,
    comments: carried(file.comments, 'comments', top, isArray) ?? [],
  }, top);
  // The project folder comes from the ZIP layout when there is one.
  if (source.project) doc.project = source.project;
  // Positions name sentences by id; the model indexes rows by position. Ids are 0..n-1 in every
  // export seen; anything else would silently shift labels, so it is an error.
  rows.forEach((row, n) => {
    if (row.index !== n) {
      throw new InputError('INVALID_DOCUMENT', `sentence id ${row.index} is not its position ${n}`, { file: source.file, where: `$.sentences[${n}].id`, expected: 'sentence ids 0, 1, 2, … in order' });
    }
  });
  validateDocument(doc, source.file, { span: (n) => spanPaths[n], timestamp: (n) => timestampPaths[n], arrow: (n) => keptArrowPaths[n] });
  defaults.flush(source.report);
  return doc;
}

const isNull = (v: unknown): v is null => v === null;
const isArray = (v: unknown): v is JsonValue[] => Array.isArray(v);
const isId = (v: unknown): v is string | number => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

function readSentence(s: Raw, n: number, defaults: FieldDefaults, where: Where): Row {
  // `labels` is a derived short form of the spans starting in the sentence: rebuilt on write.
  const fields = sourceFields(s, SENTENCE_KEYS, NO_KEYS, where);
  if (s.metadata === null) keepNull(fields, 'metadata');
  let rowIndex = s.id as number | null | undefined;
  if (rowIndex == null) {
    defaults.missing('$.sentences[].id', [n], 'its position');
    if (rowIndex === null) keepNull(fields, 'id');
    rowIndex = n;
  }
  const tokens = s.tokens as string[];
  let content = s.content as string | null | undefined;
  if (content == null) {
    defaults.missing('$.sentences[].content', [n], 'the tokens joined by single spaces');
    if (content === null) keepNull(fields, 'content');
    content = tokens.join(' ');
  }
  const metadata = s.metadata as Raw[] | null | undefined;
  return {
    index: rowIndex,
    cells: [{ content, tokens }],
    metadata: metadata ? readMetadata(metadata, '$.sentences[].metadata', [n], defaults, Object.assign({}, where, { path: [...where.path, 'metadata'] })) : [],
    ...fields,
  };
}

interface Common {
  n: number;
  defaults: FieldDefaults;
  where: Where;
  /** The document's id as the labels name it (the first `documentId`). */
  documentId: string | undefined;
  /** The document's id: that, else its name. */
  docId: string;
}

/** The label's own fields; a `type` of null (defaulted from the label's shape) is written back null. */
function labelFields(l: Raw, keys: KeySet, known: ReadonlySet<string>, c: Common): SourceFields {
  const fields = sourceFields(l, keys, known, c.where);
  if (l.type === null) keepNull(fields, 'type');
  return fields;
}

/** A label's id, or the one synthesized from its place. */
const placeId = (l: Raw, n: number) => (l.id == null ? syntheticId(`labels[${n}]`) : String(l.id));

function labelId(l: Raw, n: number, fields: SourceFields, defaults: FieldDefaults): string {
  if (l.id != null) return String(l.id);
  defaults.missing('$.labels[].id', [n], 'an id was synthesized from its place (auto:…)');
  if (l.id === null) keepNull(fields, 'id');
  return syntheticId(`labels[${n}]`);
}

/** A defaultable number of a label (null is kept for writing back as it was). */
function defaultNumber(l: Raw, key: string, fields: SourceFields, c: Common, fallback: number, assumed: string): number {
  const v = l[key] as number | null | undefined;
  if (v != null) return v;
  c.defaults.missing(`$.labels[].${key}`, [c.n], assumed);
  if (v === null) keepNull(fields, key);
  return fallback;
}

function positions(l: Label & Raw, fields: SourceFields, c: Common): { start: TokenPosition; end: TokenPosition } {
  return {
    start: { row: l.startCellLine, column: defaultNumber(l, 'startCellIndex', fields, c, 0, 'column 0'), token: l.startTokenIndex, char: defaultNumber(l, 'startCharIndex', fields, c, 0, 'the first character') },
    // -1: the token's last character, resolved by validateDocument.
    end: { row: l.endCellLine, column: defaultNumber(l, 'endCellIndex', fields, c, 0, 'column 0'), token: l.endTokenIndex, char: defaultNumber(l, 'endCharIndex', fields, c, -1, "the token's last character") },
  };
}

/**
 * The label's `documentId`; absent or null, it is the document's (what the writers write, so the
 * model says so too: a file with the default spelled out reads the same).
 */
function documentIdOf(l: Raw, fields: SourceFields, c: Common): string | undefined {
  const v = l.documentId;
  if (v == null) {
    if (c.documentId !== undefined) c.defaults.missing('$.labels[].documentId', [c.n], `the document's id (${c.documentId})`);
    if (v === null) keepNull(fields, 'documentId');
    return c.docId;
  }
  const id = carried(v, 'documentId', fields, isId);
  return id === undefined ? undefined : String(id);
}

function readSpan(l: Label & Raw, labelSets: LabelSet[], source: DocumentSource, c: Common): Span | null {
  const fields = labelFields(l, SPAN_KEYS, SPAN_KNOWN, c);
  const id = labelId(l, c.n, fields, c.defaults);
  const itemId = l.labelSetItemId == null ? '' : String(l.labelSetItemId);
  let layer = l.layer;
  if (layer == null) {
    c.defaults.missing('$.labels[].layer', [c.n], 'the label set that holds its label item');
    if (layer === null) keepNull(fields, 'layer');
    layer = undefined;
  }
  const path = `$.labels[${c.n}]`;
  // JSON_ADVANCED names a label only through the label sets: an item no set holds names nothing.
  const label = resolveSpanLabel(layer, itemId, undefined, labelSets, source.file, path);
  if ('leftOut' in label) {
    reportLabelItemMissing(source.report, source.file, `${path}.labelSetItemId`, id, itemId, label);
    return null;
  }
  return {
    id,
    layer: label.layer,
    labelItemId: itemId,
    labelName: label.labelName,
    ...positions(l, fields, c),
    counter: defaultNumber(l, 'counter', fields, c, 0, 'counter 0'),
    documentId: documentIdOf(l, fields, c),
    labelText: carried(l.labelText, 'labelText', fields, isStringOrNull),
    hashCode: carried(l.hashCode, 'hashCode', fields, isStringOrNull),
    ...readProvenance(l, fields, c.defaults, '$.labels[]', c.n),
    ...fields,
  };
}

function readArrow(l: Label & Raw, labelSets: LabelSet[], c: Common): Arrow {
  const fields = labelFields(l, ARROW_KEYS, ARROW_KNOWN, c);
  const itemId = l.labelSetItemId == null ? null : String(l.labelSetItemId);
  if (l.layer === undefined) c.defaults.missing('$.labels[].layer', [c.n], 'an ARROW: no label set (null)');
  const layer = l.layer ?? null;
  const item = itemId === null ? undefined : (layer !== null ? labelSets[layer]?.items : labelSets.flatMap((s) => s.items))?.find((i) => i.id === itemId);
  return {
    id: labelId(l, c.n, fields, c.defaults),
    originId: String(l.originId),
    destinationId: String(l.destinationId),
    layer,
    labelItemId: itemId,
    labelName: item?.labelName ?? itemId,
    counter: defaultNumber(l, 'counter', fields, c, 0, 'counter 0'),
    documentId: documentIdOf(l, fields, c),
    hashCode: carried(l.hashCode, 'hashCode', fields, isStringOrNull),
    ...positions(l, fields, c),
    ...readProvenance(l, fields, c.defaults, '$.labels[]', c.n),
    ...fields,
  };
}

function readTimestamp(l: Label & Raw, c: Common, file: string): TimestampLabel {
  const fields = labelFields(l, TIMESTAMP_KEYS, NO_KEYS, c);
  for (const key of ['startTimestampMillis', 'endTimestampMillis'] as const) {
    if (l[key] == null) throw new InputError('INVALID_DOCUMENT', `a TIMESTAMP label has no ${key}`, { file, where: `$.labels[${c.n}].${key}`, expected: 'milliseconds from the start of the audio' });
  }
  let shouldExpand = l.shouldExpand;
  if (shouldExpand == null) {
    c.defaults.missing('$.labels[].shouldExpand', [c.n], 'false');
    if (shouldExpand === null) keepNull(fields, 'shouldExpand');
    shouldExpand = false;
  }
  return {
    id: labelId(l, c.n, fields, c.defaults),
    layer: defaultNumber(l, 'layer', fields, c, 0, 'label set 0'),
    ...positions(l, fields, c),
    counter: defaultNumber(l, 'counter', fields, c, 0, 'counter 0'),
    startTimestampMillis: l.startTimestampMillis as number,
    endTimestampMillis: l.endTimestampMillis as number,
    shouldExpand,
    documentId: documentIdOf(l, fields, c),
    hashCode: carried(l.hashCode, 'hashCode', fields, isStringOrNull),
    ...readProvenance(l, fields, c.defaults, '$.labels[]', c.n),
    ...fields,
  };
}
