import { z } from 'zod';
import type { Arrow, Document, JsonValue, LabelSet, Row, Span, TimestampLabel, TokenPosition } from '../model/types.js';
import { emptyDocument } from '../model/build.js';
import { keySet, sourceFields } from './source-fields.js';
import { schemaError, type DocumentSource } from './context.js';
import { readUser } from './datasaur-schema.js';
import { resolveSpanLayer, validateDocument } from './validate-document.js';
import { PROVENANCE_KEYS, readProvenance } from './provenance.js';

/** JSON_ADVANCED (FORMATS.md §3, confirmed in full). Loose objects: unknown keys are kept. */
const id = z.union([z.string(), z.number()]);
const nullableId = id.nullable().optional();
const labelSchema = z.looseObject({
  id: id,
  type: z.string().optional(),
  startCellLine: z.number().int().nonnegative(),
  startCellIndex: z.number().int().nonnegative().optional(),
  startTokenIndex: z.number().int().nonnegative(),
  startCharIndex: z.number().int().nonnegative().optional(),
  endCellLine: z.number().int().nonnegative(),
  endCellIndex: z.number().int().nonnegative().optional(),
  endTokenIndex: z.number().int().nonnegative(),
  endCharIndex: z.number().int().nonnegative().optional(),
  layer: z.number().int().nonnegative().nullable().optional(),
  counter: z.number().int().nullable().optional(),
  labelSetItemId: nullableId,
  status: z.enum(['LABELED', 'ACCEPTED', 'REJECTED']).nullable().optional(),
  labeledBy: z.string().nullable().optional(),
  originId: nullableId,
  destinationId: nullableId,
  startTimestampMillis: z.number().nullable().optional(),
  endTimestampMillis: z.number().nullable().optional(),
});

export const jsonAdvancedSchema = z.looseObject({
  sentences: z.array(
    z.looseObject({
      id: z.number().int().nonnegative(),
      content: z.string(),
      tokens: z.array(z.string()),
      labels: z.array(z.looseObject({})).optional(),
      metadata: z.array(z.looseObject({ key: z.string(), value: z.json() })).nullable().optional(),
    }),
  ),
  labelerInfo: z.looseObject({}).nullable().optional(),
  labelSets: z.array(
    z.looseObject({
      index: z.number().int().nonnegative().optional(),
      labelItems: z.array(z.looseObject({ id: id, labelName: z.string(), parentId: nullableId, color: z.string().nullable().optional() })),
    }),
  ).optional(),
  labels: z.array(labelSchema).optional(),
  comments: z.array(z.json()).nullable().optional(),
});

type Label = z.infer<typeof labelSchema>;

const POSITION_KEYS = [
  'startCellLine', 'startCellIndex', 'startTokenIndex', 'startCharIndex', 'endCellLine', 'endCellIndex', 'endTokenIndex', 'endCharIndex',
];
const SPAN_KEYS = keySet('id', 'type', 'layer', 'counter', 'labelSetItemId', 'labelText', 'documentId', 'hashCode', ...POSITION_KEYS, ...PROVENANCE_KEYS);
/** Documented keys of a SPAN object that carry nothing for a span (arrow fields, always null/"0"). */
const SPAN_KNOWN = keySet('originId', 'originNumber', 'destinationId', 'destinationNumber');
const ARROW_KEYS = keySet('id', 'type', 'layer', 'counter', 'labelSetItemId', 'documentId', 'hashCode', 'originId', 'destinationId', ...POSITION_KEYS, ...PROVENANCE_KEYS);
const ARROW_KNOWN = keySet('labelText', 'originNumber', 'destinationNumber');
const TIMESTAMP_KEYS = keySet('id', 'type', 'layer', 'counter', 'documentId', 'hashCode', 'startTimestampMillis', 'endTimestampMillis', 'shouldExpand', ...POSITION_KEYS, ...PROVENANCE_KEYS);

/**
 * Reads one JSON_ADVANCED document. The file does not name its project or document: those come
 * from the ZIP layout (`source.project`, `source.documentName`); the document id from the labels'
 * `documentId` when any label has one.
 */
export function readJsonAdvanced(value: unknown, source: DocumentSource): Document {
  const parsed = jsonAdvancedSchema.safeParse(value);
  if (!parsed.success) throw schemaError(parsed.error, source.file);
  // zod validated the raw value; map from the raw value itself because zod's output reorders keys
  // (shape keys first) and the source order is what lets writers reproduce the server's bytes.
  const file = value as z.infer<typeof jsonAdvancedSchema>;
  const at = (path: PropertyKey[]) => ({ report: source.report, file: source.file, path });
  const top = sourceFields(file, keySet('sentences', 'labelerInfo', 'labelSets', 'labels', 'comments'), keySet(), at([]));

  const labelSets: LabelSet[] = (file.labelSets ?? []).map((set, n) => ({
    index: set.index ?? n,
    items: set.labelItems.map((item, k) => ({
      id: String(item.id),
      labelName: item.labelName,
      parentId: item.parentId === undefined || item.parentId === null ? item.parentId : String(item.parentId),
      color: item.color,
      ...sourceFields(item, keySet('id', 'labelName', 'parentId', 'color'), keySet(), at(['labelSets', n, 'labelItems', k])),
    })),
    ...sourceFields(set, keySet('labelItems'), keySet('index'), at(['labelSets', n])),
  }));

  const rows: Row[] = file.sentences.map((s, n) => ({
    index: s.id,
    cells: [{ content: s.content, tokens: s.tokens }],
    metadata: (s.metadata ?? []).map((m, k) => ({
      key: m.key,
      value: m.value as JsonValue,
      pinned: m.pinned as boolean | undefined,
      ...sourceFields(m, keySet('key', 'value', 'pinned'), keySet(), at(['sentences', n, 'metadata', k])),
    })),
    // `labels` is a derived short form of the spans starting in the sentence: rebuilt on write.
    ...sourceFields(s, keySet('id', 'content', 'tokens', 'metadata', 'labels'), keySet(), at(['sentences', n])),
  }));

  const spans: Span[] = [];
  const spanPaths: string[] = [];
  const arrows: Arrow[] = [];
  const arrowPaths: string[] = [];
  const timestamps: TimestampLabel[] = [];
  const timestampPaths: string[] = [];
  (file.labels ?? []).forEach((label, n) => {
    const path = `$.labels[${n}]`;
    const type = label.type ?? 'SPAN';
    if (type === 'TIMESTAMP') {
      timestamps.push(readTimestamp(label, at(['labels', n])));
      timestampPaths.push(path);
    } else if (type === 'ARROW' || (label.originId != null && label.destinationId != null)) {
      arrows.push(readArrow(label, labelSets, at(['labels', n])));
      arrowPaths.push(path);
    } else {
      spans.push(readSpan(label, labelSets, source.file, path, at(['labels', n])));
      spanPaths.push(path);
    }
  });

  const documentId = (file.labels ?? []).map((l) => l.documentId).find((d): d is string => typeof d === 'string');
  const name = source.documentName ?? source.file.replace(/^.*[/!]/, '').replace(/\.json$/i, '');
  const doc: Document = {
    ...emptyDocument(['TOKEN_BASED'], {
      id: documentId ?? name,
      name,
      project: source.project ?? { id: 'unknown', name: 'unknown' },
      cabinet: source.cabinet,
    }),
    source: 'JSON_ADVANCED',
    labeler: readUser(file.labelerInfo as Record<string, unknown> | null | undefined, at(['labelerInfo'])),
    rows,
    labelSets,
    spans,
    arrows,
    timestamps,
    comments: (file.comments ?? []) as JsonValue[],
    ...top,
  };
  // The project folder comes from the ZIP layout when there is one.
  if (source.project) doc.project = source.project;
  // Positions name sentences by id; the model indexes rows by position. Ids are 0..n-1 in every
  // export seen; anything else would silently shift labels, so it is an error.
  rows.forEach((row, n) => {
    if (row.index !== n) {
      throw schemaErrorAt(source.file, `$.sentences[${n}].id`, `sentence id ${row.index} is not its position ${n}`, `sentence ids 0, 1, 2, … in order`);
    }
  });
  validateDocument(doc, source.file, { span: (n) => spanPaths[n], timestamp: (n) => timestampPaths[n], arrow: (n) => arrowPaths[n] });
  return doc;
}

import { InputError } from '../errors.js';
function schemaErrorAt(file: string, where: string, message: string, expected: string): InputError {
  return new InputError('INVALID_DOCUMENT', message, { file, where, expected });
}

function positions(l: Label): { start: TokenPosition; end: TokenPosition } {
  return {
    start: { row: l.startCellLine, column: l.startCellIndex ?? 0, token: l.startTokenIndex, char: l.startCharIndex ?? 0 },
    end: { row: l.endCellLine, column: l.endCellIndex ?? 0, token: l.endTokenIndex, char: l.endCharIndex ?? -1 },
  };
}


function readSpan(l: Label, labelSets: LabelSet[], file: string, path: string, where: ReturnType<typeof atType>): Span {
  const itemId = String(l.labelSetItemId ?? '');
  const layer = resolveSpanLayer(l.layer ?? undefined, itemId, labelSets, file, path);
  const item = labelSets[layer]?.items.find((i) => i.id === itemId);
  return {
    id: String(l.id),
    layer,
    labelItemId: itemId,
    labelName: item?.labelName ?? itemId,
    ...positions(l),
    counter: l.counter ?? 0,
    documentId: l.documentId as string | null | undefined,
    labelText: l.labelText as string | null | undefined,
    hashCode: l.hashCode as string | null | undefined,
    ...readProvenance(l),
    ...sourceFields(l, SPAN_KEYS, SPAN_KNOWN, where),
  };
}

function readArrow(l: Label, labelSets: LabelSet[], where: ReturnType<typeof atType>): Arrow {
  const itemId = l.labelSetItemId == null ? null : String(l.labelSetItemId);
  const layer = l.layer ?? null;
  const item = itemId === null ? undefined : (layer !== null ? labelSets[layer]?.items : labelSets.flatMap((s) => s.items))?.find((i) => i.id === itemId);
  return {
    id: String(l.id),
    originId: String(l.originId),
    destinationId: String(l.destinationId),
    layer,
    labelItemId: itemId,
    labelName: item?.labelName ?? itemId,
    counter: l.counter ?? 0,
    documentId: l.documentId as string | null | undefined,
    hashCode: l.hashCode as string | null | undefined,
    ...positions(l),
    ...readProvenance(l),
    ...sourceFields(l, ARROW_KEYS, ARROW_KNOWN, where),
  };
}

function readTimestamp(l: Label, where: ReturnType<typeof atType>): TimestampLabel {
  return {
    id: String(l.id),
    layer: l.layer ?? 0,
    ...positions(l),
    counter: l.counter ?? 0,
    startTimestampMillis: l.startTimestampMillis ?? 0,
    endTimestampMillis: l.endTimestampMillis ?? 0,
    shouldExpand: l.shouldExpand as boolean | undefined,
    documentId: l.documentId as string | null | undefined,
    hashCode: l.hashCode as string | null | undefined,
    ...readProvenance(l),
    ...sourceFields(l, TIMESTAMP_KEYS, keySet(), where),
  };
}

const atType = (path: PropertyKey[]) => ({ report: undefined as DocumentSource['report'], file: '', path });
