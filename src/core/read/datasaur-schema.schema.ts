import { z } from 'zod';
import { fastArray, fastRecord, isJsonObject, isPlainRow, isPlainSpan } from './fast-elements.js';

/**
 * zod schemas for DATASAUR_SCHEMA documents (FORMATS.md §2), following the field-necessity table
 * (docs/formats.md, `field-necessity.ts`): a *needed* field is checked for presence and type; a
 * *defaultable* one may be absent or null (the reader fills the default and reports it) but must
 * have the right type when set; a *carried* one is not checked at all (the reader keeps it as it
 * is). Objects are loose: unknown keys are kept (and reported by the reader), never rejected.
 */
const id = z.union([z.string(), z.number()]);
const defaultableId = id.nullish();
const defaultableIndex = z.number().int().nonnegative().nullish();
const json = z.json();
/** A list whose absence (or null) means "none" (docs/formats.md: the list rule). */
const list = <T extends z.ZodType>(element: T) => z.array(element).nullish();

export const positionSchema = z.looseObject({
  row: z.number().int().nonnegative(),
  tokenIndex: z.number().int().nonnegative(),
  column: defaultableIndex,
  charIndex: defaultableIndex,
});

export const metadataSchema = z.looseObject({ key: z.string(), value: json.nullish() });

export const cellSchema = z.looseObject({
  content: z.string().nullish(),
  tokens: list(z.string()),
  metadata: list(metadataSchema),
});

export const labelItemSchema = z.looseObject({
  id: defaultableId,
  labelName: z.string().nullish(),
});

export const labelSetSchema = z.looseObject({
  labelItems: list(labelItemSchema),
});

const provenance = {
  status: z.enum(['LABELED', 'ACCEPTED', 'REJECTED']).nullish(),
  labeledBy: z.string().nullish(),
};

export const spanLabelSchema = z.looseObject({
  id: defaultableId,
  labelItem: z.looseObject({ id: id }),
  textPosition: z.looseObject({ start: positionSchema, end: positionSchema }),
  layer: defaultableIndex,
  labelSetIndex: defaultableIndex,
  counter: z.number().int().nullish(),
  ...provenance,
});

export const arrowLabelSchema = z.looseObject({
  id: defaultableId,
  originId: id,
  destinationId: id,
  labelItem: z.looseObject({ id: id }).nullish(),
  layer: z.number().int().nullish(),
  counter: z.number().int().nullish(),
  ...provenance,
});

export const timestampLabelSchema = z.looseObject({
  id: defaultableId,
  textPosition: z.looseObject({ start: positionSchema, end: positionSchema }),
  layer: defaultableIndex,
  counter: z.number().int().nullish(),
  startTimestampMillis: z.number(),
  endTimestampMillis: z.number(),
  shouldExpand: z.boolean().nullish(),
  ...provenance,
});

export const questionSchema = z.looseObject({
  id: defaultableId,
  label: z.string().nullish(),
  type: z.string().nullish(),
  required: z.boolean().nullish(),
  config: json.nullish(),
});

export const columnSchema = z.looseObject({ name: z.string() });

export const shapeSchema = z.looseObject({
  pageIndex: defaultableIndex,
  points: list(z.looseObject({ x: z.number(), y: z.number() })),
});

export const bboxLabelSchema = z.looseObject({
  id: defaultableId,
  bboxLabelClassId: id,
  bboxLabelClassName: z.string().nullish(),
  shapes: list(shapeSchema),
  ...provenance,
});

export const bboxClassSchema = z.looseObject({
  id: defaultableId,
  name: z.string().nullish(),
  questions: list(questionSchema),
});

export const bboxLabelSetSchema = z.looseObject({
  id: defaultableId,
  classes: list(bboxClassSchema),
});

export const pageSchema = z.looseObject({ pageIndex: defaultableIndex });

const answerSet = z.record(z.string(), json);

export const dataSchema = z.looseObject({
  project: z.looseObject({ id: defaultableId, name: z.string().nullish() }).nullish(),
  document: z.looseObject({ id: defaultableId, name: z.string().nullish() }).nullish(),
  kinds: z.array(z.string()).nullish(),
  rows: fastArray(z.array(cellSchema), isPlainRow).nullish(),
  columns: list(columnSchema),
  headers: list(z.string()),
  labelSets: list(labelSetSchema),
  spanLabels: fastArray(spanLabelSchema, isPlainSpan).nullish(),
  arrowLabels: list(arrowLabelSchema),
  timestampLabels: list(timestampLabelSchema),
  rowQuestions: list(questionSchema),
  rowAnswerSets: fastRecord(answerSet.nullable(), (v) => v === null || isJsonObject(v)).nullish(),
  rowAnswers: list(z.looseObject({ line: z.number().int().nonnegative(), answers: answerSet })),
  documentQuestions: list(questionSchema),
  documentAnswerSet: answerSet.nullish(),
  documentAnswers: answerSet.nullish(),
  pages: list(pageSchema),
  bboxLabelSets: list(bboxLabelSetSchema),
  bboxLabels: list(bboxLabelSchema),
});

export const datasaurSchemaFileSchema = z.looseObject({
  data: dataSchema,
});

export type DatasaurSchemaFile = z.infer<typeof datasaurSchemaFileSchema>;
export type DatasaurSchemaData = z.infer<typeof dataSchema>;
