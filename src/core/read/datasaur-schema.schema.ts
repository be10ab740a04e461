import * as v from 'valibot';
import { fastArray, fastRecord, isJsonObject, isPlainLabelSet, isPlainProject, isPlainRow, isPlainSpan, isStringList } from './fast-elements.js';
import { isObject } from './schema-parts.js';
import { STATUS, defaultableId, defaultableIndex, id, index, integer, json, list, looseObject, number, record } from './schema-parts.js';

/**
 * valibot schemas for DATASAUR_SCHEMA documents (FORMATS.md §2), following the field-necessity
 * table (docs/formats.md, `field-necessity.ts`): a *needed* field is checked for presence and
 * type; a *defaultable* one may be absent or null (the reader fills the default and reports it)
 * but must have the right type when set; a *carried* one is not checked at all (the reader keeps
 * it as it is). Objects are loose: unknown keys are kept (and reported by the reader), never
 * rejected.
 */
export const positionSchema = looseObject({
  row: index,
  tokenIndex: index,
  column: defaultableIndex,
  charIndex: defaultableIndex,
});

export const metadataSchema = looseObject({ key: v.string(), value: v.nullish(json) });

export const cellSchema = looseObject({
  content: v.nullish(v.string()),
  tokens: list(v.string()),
  metadata: list(metadataSchema),
});

export const labelItemSchema = looseObject({
  id: defaultableId,
  labelName: v.nullish(v.string()),
});

export const labelSetSchema = looseObject({
  labelItems: list(labelItemSchema),
});

const provenance = {
  status: v.nullish(STATUS),
  labeledBy: v.nullish(v.string()),
};

export const spanLabelSchema = looseObject({
  id: defaultableId,
  labelItem: looseObject({ id: id }),
  textPosition: looseObject({ start: positionSchema, end: positionSchema }),
  layer: defaultableIndex,
  labelSetIndex: defaultableIndex,
  counter: v.nullish(integer),
  ...provenance,
});

export const arrowLabelSchema = looseObject({
  id: defaultableId,
  originId: id,
  destinationId: id,
  labelItem: v.nullish(looseObject({ id: id })),
  layer: v.nullish(integer),
  counter: v.nullish(integer),
  ...provenance,
});

export const timestampLabelSchema = looseObject({
  id: defaultableId,
  textPosition: looseObject({ start: positionSchema, end: positionSchema }),
  layer: defaultableIndex,
  counter: v.nullish(integer),
  startTimestampMillis: number,
  endTimestampMillis: number,
  shouldExpand: v.nullish(v.boolean()),
  ...provenance,
});

export const questionSchema = looseObject({
  id: defaultableId,
  label: v.nullish(v.string()),
  type: v.nullish(v.string()),
  required: v.nullish(v.boolean()),
  config: v.nullish(json),
});

export const columnSchema = looseObject({ name: v.string() });

export const shapeSchema = looseObject({
  pageIndex: defaultableIndex,
  points: list(looseObject({ x: number, y: number })),
});

export const bboxLabelSchema = looseObject({
  id: defaultableId,
  bboxLabelClassId: id,
  bboxLabelClassName: v.nullish(v.string()),
  shapes: list(shapeSchema),
  ...provenance,
});

export const bboxClassSchema = looseObject({
  id: defaultableId,
  name: v.nullish(v.string()),
  questions: list(questionSchema),
});

export const bboxLabelSetSchema = looseObject({
  id: defaultableId,
  classes: list(bboxClassSchema),
});

export const pageSchema = looseObject({ pageIndex: defaultableIndex });

const answerSet = record(json);

const dataEntries = {
  project: v.nullish(looseObject({ id: defaultableId, name: v.nullish(v.string()) })),
  document: v.nullish(looseObject({ id: defaultableId, name: v.nullish(v.string()) })),
  kinds: v.nullish(v.array(v.string())),
  rows: v.nullish(fastArray(v.array(cellSchema), isPlainRow)),
  columns: list(columnSchema),
  headers: list(v.string()),
  labelSets: list(labelSetSchema),
  spanLabels: v.nullish(fastArray(spanLabelSchema, isPlainSpan)),
  arrowLabels: list(arrowLabelSchema),
  timestampLabels: list(timestampLabelSchema),
  rowQuestions: list(questionSchema),
  rowAnswerSets: v.nullish(fastRecord(v.nullable(answerSet), (value) => value === null || isJsonObject(value))),
  rowAnswers: list(looseObject({ line: index, answers: answerSet })),
  documentQuestions: list(questionSchema),
  documentAnswerSet: v.nullish(answerSet),
  documentAnswers: v.nullish(answerSet),
  pages: list(pageSchema),
  bboxLabelSets: list(bboxLabelSetSchema),
  bboxLabels: list(bboxLabelSchema),
};

export const dataSchema = looseObject(dataEntries);

export const datasaurSchemaFileSchema = looseObject({
  data: dataSchema,
});

/**
 * Whether `datasaurSchemaFileSchema` accepts the value, for the members of a token document
 * checked by hand (project, document, kinds, rows, label sets, spans, no arrows): a document with
 * any other member set goes through the schema (false), as does one these checks refuse, so errors
 * keep the schema's messages and paths. Stricter than the schema, never looser. The schema built
 * an output copy of every object it checked but rows and spans, which the reader does not use:
 * 4.6 of the 41 KB a small document's loading allocated (issue 15).
 */
export function isPlainTokenFile(value: unknown): boolean {
  if (!isObject(value) || !isObject(value.data)) return false;
  const data = value.data;
  for (const key of OTHER_MEMBERS) if (data[key] !== undefined && data[key] !== null) return false;
  const { rows, labelSets, spanLabels, arrowLabels } = data;
  return (
    isPlainProject(data.project) &&
    isPlainProject(data.document) &&
    isStringList(data.kinds) &&
    (rows === undefined || rows === null || (Array.isArray(rows) && rows.every(isPlainRow))) &&
    (labelSets === undefined || labelSets === null || (Array.isArray(labelSets) && labelSets.every(isPlainLabelSet))) &&
    (spanLabels === undefined || spanLabels === null || (Array.isArray(spanLabels) && spanLabels.every(isPlainSpan))) &&
    (arrowLabels === undefined || arrowLabels === null || (Array.isArray(arrowLabels) && arrowLabels.length === 0))
  );
}

const CHECKED_MEMBERS = new Set(['project', 'document', 'kinds', 'rows', 'labelSets', 'spanLabels', 'arrowLabels']);
/** The schema's other members: a document with any of them set is left to the schema. */
const OTHER_MEMBERS = Object.keys(dataEntries).filter((key) => !CHECKED_MEMBERS.has(key));

export type DatasaurSchemaFile = v.InferOutput<typeof datasaurSchemaFileSchema>;
export type DatasaurSchemaData = v.InferOutput<typeof dataSchema>;
