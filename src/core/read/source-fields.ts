import type { JsonObject, JsonValue, SourceFields } from '../model/types.js';
import type { Report } from '../report/report.js';
import { jsonPath } from './json-text.js';
import { watchValue } from './source-text.js';

/** Where an object sits, for the messages about it. */
export interface Where {
  report?: Report;
  file: string;
  path: ReadonlyArray<PropertyKey>;
}

/**
 * Splits a source object into the keys the model interprets and the rest. The rest goes to
 * `extra` so writers can put it back; keys that are neither interpreted nor listed as known
 * (documented but meaningless to conversion, such as `createdAt`) are reported as `UnknownField`.
 */
export function sourceFields(value: Record<string, unknown>, interpreted: KeySet, known: ReadonlySet<string>, where: Where): SourceFields {
  const fields = ownFields(value, interpreted);
  if (fields.extra) reportUnknownKeys(fields, interpreted, known, where);
  return fields;
}

/**
 * `sourceFields` without the report: readers of objects that number in the thousands (cells,
 * spans, label items) call it and report with `reportUnknownKeys` only when `extra` is set, so the
 * object's path is built only then (making it for every cell and span was 7 of the 62 KB a small
 * document's loading allocated, issue 15).
 */
export function ownFields(value: Record<string, unknown>, interpreted: KeySet): SourceFields {
  const keys = keyOrder(value, interpreted);
  let extra: JsonObject | undefined;
  for (const key of keys) {
    if (interpreted.has(key)) continue;
    watchValue(value[key]);
    (extra ??= {})[key] = value[key] as JsonValue;
  }
  return extra ? { extra, keyOrder: keys } : { keyOrder: keys };
}

/** Whether an object (its `ownFields`) has keys that are neither interpreted nor known: only then is its place made. */
export function hasUnknownKeys(fields: SourceFields, interpreted: ReadonlySet<string>, known: ReadonlySet<string>): boolean {
  if (!fields.extra) return false;
  for (const key of fields.keyOrder!) if (!interpreted.has(key) && !known.has(key)) return true;
  return false;
}

/** Reports the keys of an object (its `ownFields`) that are neither interpreted nor known, each path once. */
export function reportUnknownKeys(fields: SourceFields, interpreted: ReadonlySet<string>, known: ReadonlySet<string>, where: Where): void {
  if (!where.report) return;
  for (const key of fields.keyOrder!) {
    if (interpreted.has(key) || known.has(key)) continue;
    const path = jsonPath([...where.path, key]);
    where.report.once(`UnknownField:${path.replace(/\[\d+\]/g, '[]')}`, {
      kind: 'UnknownField',
      text: `unknown key "${key}" kept as it is (first seen at ${path})`,
      place: { file: where.file, jsonPath: path },
    });
  }
}

/**
 * `Object.keys(value)`, or the very array of the last object read with the same interpreted keys
 * when this one has the same keys in the same order: the cells, spans and label items of a
 * document, and of every document of an export, mostly do, and an array for each was 2.7 of the
 * 44 KB a small document's loading allocated (issue 15). Key orders are shared, so they are never
 * changed (writers only read them); the label forms below share theirs the same way.
 */
function keyOrder(value: Record<string, unknown>, interpreted: KeySet): string[] {
  const last = interpreted.lastOrder;
  if (last !== undefined && hasKeysInOrder(value, last)) return last;
  return (interpreted.lastOrder = Object.keys(value));
}

/** Whether the object's keys are `keys`, in that order (for-in walks them without making an array). */
function hasKeysInOrder(value: Record<string, unknown>, keys: readonly string[]): boolean {
  let i = 0;
  for (const key in value) if (key !== keys[i++]) return false;
  return i === keys.length;
}

/** A set of keys a reader interprets, with the key order of the last object read with it (`keyOrder`). */
export class KeySet extends Set<string> {
  lastOrder: string[] | undefined = undefined;
}

/**
 * The set of the given keys. Readers call this per span and per cell: the sets are cached by their
 * keys so a million-token document does not build a million identical sets.
 */
const keySets = new Map<string, KeySet>();
export function keySet(...keys: string[]): KeySet {
  const id = keys.join('\u0000');
  let set = keySets.get(id);
  if (!set) keySets.set(id, (set = new KeySet(keys)));
  return set;
}

/** Puts a value into the object's `extra`, so the same-format writer writes it back as it was. */
export function keepAsIs(fields: SourceFields, key: string, value: unknown): void {
  (fields.extra ??= {})[key] = value as JsonValue;
}

/**
 * A defaultable field that was `null`: the model holds the default, the same-format writer writes
 * `null` back (the file is reproduced; other formats write the default).
 */
export function keepNull(fields: SourceFields, key: string): void {
  keepAsIs(fields, key, null);
}

/** Lists (and answer sets) that are `null`: read as none, written back as `null` by the same format. */
export function keepNullLists(value: Record<string, unknown>, fields: SourceFields, keys: readonly string[]): void {
  for (const key of keys) if (value[key] === null) keepNull(fields, key);
}

/**
 * A carried field (docs/formats.md, field necessity), given as the object's value `v` of `key`: the
 * value when it has the type the model holds; any other value is kept as it is for writing back
 * (not an error) and the model sees none. (The caller reads the property by name: a load by a
 * varying key was a tenth of the span reader's time.)
 */
export function carried<T>(v: unknown, key: string, fields: SourceFields, fits: (v: unknown) => v is T): T | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number' || (typeof v === 'object' && v !== null)) watchValue(v);
  if (fits(v)) return v;
  keepAsIs(fields, key, v);
  return undefined;
}

/**
 * A carried id: the model holds ids as strings; a number is also kept as it is, so the same-format
 * writer writes a number back (other formats write the string).
 */
export function carriedId(v: unknown, key: string, fields: SourceFields): string | null | undefined {
  const id = carried(v, key, fields, isIdOrNull);
  if (typeof id !== 'number') return id;
  keepAsIs(fields, key, id);
  return String(id);
}

export const isIdOrNull = (v: unknown): v is string | number | null => v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
export const isStringOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';
export const isBooleanOrNull = (v: unknown): v is boolean | null => v === null || typeof v === 'boolean';
export const isNumberOrNull = (v: unknown): v is number | null => v === null || (typeof v === 'number' && Number.isFinite(v));
export const isJsonObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
