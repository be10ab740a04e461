import { z } from 'zod';
import { fastArray, fastRecord, isJsonObject, isPlainRow, isPlainSpan } from './fast-elements.js';

/**
 * zod schemas for DATASAUR_SCHEMA documents (FORMATS.md §2). Objects are loose: unknown keys are
 * kept (and reported by the reader), never rejected. Only what conversion relies on is checked.
 */
const id = z.union([z.string(), z.number()]);
const nullableId = id.nullable().optional();
const json = z.json();

export const positionSchema = z.looseObject({
  row: z.number().int().nonnegative(),
  tokenIndex: z.number().int().nonnegative(),
  column: z.number().int().nonnegative().optional(),
  charIndex: z.number().int().nonnegative().optional(),
});

export const cellSchema = z.looseObject({
  content: z.string(),
  tokens: z.array(z.string()).optional(),
  line: z.number().optional(),
  index: z.number().optional(),
  metadata: z.array(z.looseObject({ key: z.string(), value: json })).nullable().optional(),
});

export const labelItemSchema = z.looseObject({
  id: id,
  labelName: z.string(),
  parentId: nullableId,
  color: z.string().nullable().optional(),
});

export const labelSetSchema = z.looseObject({
  id: nullableId,
  name: z.string().nullable().optional(),
  index: z.number().optional(),
  labelItems: z.array(labelItemSchema),
});

const provenance = {
  status: z.enum(['LABELED', 'ACCEPTED', 'REJECTED']).optional(),
  labeledBy: z.string().nullable().optional(),
  labeledByUserId: nullableId,
  acceptedByUserId: nullableId,
  rejectedByUserId: nullableId,
};

export const spanLabelSchema = z.looseObject({
  id: id,
  labelItem: z.looseObject({ id: id, labelName: z.string().optional() }),
  textPosition: z.looseObject({ start: positionSchema, end: positionSchema }),
  layer: z.number().int().nonnegative().optional(),
  labelSetIndex: z.number().int().nonnegative().optional(),
  counter: z.number().int().optional(),
  ...provenance,
});

export const arrowLabelSchema = z.looseObject({
  id: id,
  originId: id,
  destinationId: id,
  labelItem: z.looseObject({ id: id, labelName: z.string().optional() }).nullable().optional(),
  layer: z.number().int().nullable().optional(),
  ...provenance,
});

export const timestampLabelSchema = z.looseObject({
  id: id,
  textPosition: z.looseObject({ start: positionSchema, end: positionSchema }),
  layer: z.number().int().nonnegative().optional(),
  counter: z.number().int().optional(),
  startTimestampMillis: z.number(),
  endTimestampMillis: z.number(),
  ...provenance,
});

export const questionSchema = z.looseObject({
  id: id,
  name: z.string().nullable().optional(),
  label: z.string().nullable().optional(),
  type: z.string(),
  required: z.boolean().nullable().optional(),
  config: json.optional(),
  bindToColumn: z.string().nullable().optional(),
});

export const columnSchema = z.looseObject({ name: z.string() });

export const bboxLabelSchema = z.looseObject({
  id: id,
  bboxLabelClassId: id,
  bboxLabelClassName: z.string().nullable().optional(),
  caption: z.string().nullable().optional(),
  shapes: z.array(z.looseObject({ pageIndex: z.number(), points: z.array(z.looseObject({ x: z.number(), y: z.number() })) })),
  ...provenance,
});

export const bboxLabelSetSchema = z.looseObject({
  id: id,
  name: z.string(),
  classes: z.array(z.looseObject({ id: id, name: z.string(), color: z.string().nullable().optional() })),
});

export const dataSchema = z.looseObject({
  project: z.looseObject({ id: id, name: z.string() }),
  document: z.looseObject({ id: id, name: z.string() }),
  kinds: z.array(z.string()).optional(),
  labelerInfo: z.looseObject({}).nullable().optional(),
  comments: z.array(json).nullable().optional(),
  rows: fastArray(z.array(cellSchema), isPlainRow).optional(),
  columns: z.array(columnSchema).optional(),
  headers: z.array(z.string()).optional(),
  labelSets: z.array(labelSetSchema).optional(),
  spanLabels: fastArray(spanLabelSchema, isPlainSpan).optional(),
  arrowLabels: z.array(arrowLabelSchema).optional(),
  timestampLabels: z.array(timestampLabelSchema).optional(),
  rowQuestions: z.array(questionSchema).optional(),
  rowAnswerSets: fastRecord(z.record(z.string(), json).nullable(), (v) => v === null || isJsonObject(v)).optional(),
  rowAnswers: z.array(z.looseObject({ line: z.number().int().nonnegative(), answers: z.record(z.string(), json) })).optional(),
  documentQuestions: z.array(questionSchema).optional(),
  documentAnswerSet: z.record(z.string(), json).nullable().optional(),
  documentAnswers: z.record(z.string(), json).nullable().optional(),
  pages: z.array(z.looseObject({ pageIndex: z.number() })).optional(),
  bboxLabelSets: z.array(bboxLabelSetSchema).optional(),
  bboxLabels: z.array(bboxLabelSchema).optional(),
});

export const datasaurSchemaFileSchema = z.looseObject({
  version: z.string(),
  data: dataSchema,
});

export type DatasaurSchemaFile = z.infer<typeof datasaurSchemaFileSchema>;
export type DatasaurSchemaData = z.infer<typeof dataSchema>;
