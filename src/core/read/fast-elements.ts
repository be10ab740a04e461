import * as v from 'valibot';
import { isObject, record } from './schema-parts.js';

/**
 * Array and record schemas for the members that hold nearly all of a large document (`rows`,
 * `spanLabels`, `rowAnswerSets`): each element is first checked by `isValid`, a hand-written test
 * of the same rules, and only an element it does not accept goes through the element schema, so
 * errors keep the schema's messages and paths. The element schema alone spent about a second and
 * a full copy of the document on a million-token file (it builds an output object for every
 * element, which the reader does not use); an accepted element is passed on as it is.
 * `isValid` may be stricter than the element schema (the schema then decides), never looser.
 */
const PASS = v.unknown();

/**
 * When every element passes, the value is passed on without a pass of valibot over it (valibot's
 * array alone, a dataset per element, cost ~25 ms on a million-token document); otherwise valibot's
 * array runs with the per-element fast path.
 */
export function fastArray<T extends v.GenericSchema>(element: T, isValid: (value: unknown) => boolean): v.GenericSchema<v.InferInput<T>[], v.InferOutput<T>[]> {
  const checked = v.array(v.lazy((item) => (isValid(item) ? PASS : element)));
  return v.lazy((items) => (Array.isArray(items) && items.every(isValid) ? PASS : checked)) as v.GenericSchema<v.InferInput<T>[], v.InferOutput<T>[]>;
}

/** `Record<string, value>` with the same fast paths (row answers: one per row). */
export function fastRecord<T extends v.GenericSchema>(value: T, isValid: (value: unknown) => boolean): v.GenericSchema<Record<string, v.InferInput<T>>, Record<string, v.InferOutput<T>>> {
  const checked = record(v.lazy((item) => (isValid(item) ? PASS : value)));
  return v.lazy((items) => (isObject(items) && everyValue(items, isValid) ? PASS : checked)) as v.GenericSchema<Record<string, v.InferInput<T>>, Record<string, v.InferOutput<T>>>;
}

function everyValue(record: Record<string, unknown>, isValid: (value: unknown) => boolean): boolean {
  for (const key in record) if (!isValid(record[key])) return false;
  return true;
}

/** A parsed JSON value that is an object (every member of parsed JSON is valid JSON). */
export function isJsonObject(value: unknown): boolean {
  return isObject(value);
}

// Integers are safe integers, as the schemas check them.
const isIndex = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
/** Defaultable fields: absent, null or of the right type. */
const optionalIndex = (v: unknown) => v === undefined || v === null || isIndex(v);
const isId = (v: unknown) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
const optionalId = (v: unknown) => v === undefined || v === null || isId(v);

/** A row of cells as `cellSchema` accepts it; a cell with metadata is left to the schema. */
export function isPlainRow(row: unknown): boolean {
  if (!Array.isArray(row)) return false;
  for (const cell of row) {
    if (!isObject(cell) || typeof cell.content !== 'string') return false;
    if (cell.metadata !== undefined && cell.metadata !== null) return false;
    const tokens = cell.tokens;
    if (tokens !== undefined && tokens !== null) {
      if (!Array.isArray(tokens)) return false;
      for (let t = 0; t < tokens.length; t++) if (typeof tokens[t] !== 'string') return false;
    }
  }
  return true;
}

/** `data.project` or `data.document` as their schema accepts them: absent, null, or an object with an optional id and name. */
export function isPlainProject(p: unknown): boolean {
  return p === undefined || p === null || (isObject(p) && optionalId(p.id) && optionalString(p.name));
}

/** `data.kinds`: absent, null or a list of strings. */
export function isStringList(list: unknown): boolean {
  if (list === undefined || list === null) return true;
  if (!Array.isArray(list)) return false;
  for (let i = 0; i < list.length; i++) if (typeof list[i] !== 'string') return false;
  return true;
}

/** A label set as `labelSetSchema` accepts it: its items with optional ids and names (anything else is carried). */
export function isPlainLabelSet(set: unknown): boolean {
  if (!isObject(set)) return false;
  const items = set.labelItems;
  if (items === undefined || items === null) return true;
  if (!Array.isArray(items)) return false;
  for (const item of items) if (!isObject(item) || !optionalId(item.id) || !optionalString(item.labelName)) return false;
  return true;
}

const optionalString = (v: unknown) => v === undefined || v === null || typeof v === 'string';

function isPosition(p: unknown): boolean {
  return isObject(p) && isIndex(p.row) && isIndex(p.tokenIndex) && optionalIndex(p.column) && optionalIndex(p.charIndex);
}

const STATUSES = new Set(['LABELED', 'ACCEPTED', 'REJECTED']);

/** A span label as `spanLabelSchema` accepts it (carried fields such as the user ids are not checked by either). */
export function isPlainSpan(s: unknown): boolean {
  if (!isObject(s) || !optionalId(s.id)) return false;
  const item = s.labelItem;
  if (!isObject(item) || !isId(item.id)) return false;
  const position = s.textPosition;
  if (!isObject(position) || !isPosition(position.start) || !isPosition(position.end)) return false;
  if (!optionalIndex(s.layer) || !optionalIndex(s.labelSetIndex)) return false;
  if (s.counter !== undefined && s.counter !== null && !Number.isSafeInteger(s.counter)) return false;
  if (s.status !== undefined && s.status !== null && !STATUSES.has(s.status as string)) return false;
  return s.labeledBy === undefined || s.labeledBy === null || typeof s.labeledBy === 'string';
}
