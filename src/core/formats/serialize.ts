import type { SourceFields } from '../model/types.js';

/** A JSON object's members in the format's canonical key order; an undefined value is left out. */
export type Fields = Record<string, unknown>;

/**
 * A JSON object from the model's values in the format's canonical key order (`fields`, an object
 * literal), plus the source object's extra keys. When the object was read from the same format
 * (`keepSource`), its keys and their order are reproduced (keys it lacked stay out), so reading
 * then writing a server file gives the same bytes; values come from the model, except what the
 * reader kept as it was in `extra` (unknown keys, carried values of another type, defaultable
 * fields that were null).
 *
 * Every object of a document goes through here, so the common cases build nothing: written in
 * another format, or read in this one with the canonical order, `fields` is the object written.
 * (Lists of [key, value] pairs cost a pair per member and a search per key: with JSON.stringify of
 * the result they were most of DATASAUR_SCHEMA's and JSON_ADVANCED's writers, issue 15.)
 */
export function ordered(fields: Fields, source: SourceFields | undefined, keepSource: boolean): Fields {
  const order = keepSource ? source?.keyOrder : undefined;
  const extra = keepSource ? source?.extra : undefined;
  if (!extra) return !order || inOrder(fields, order) ? fields : inSourceOrder(fields, order);
  const values = new Map<string, unknown>(Object.entries(fields));
  const out: Fields = {};
  // Extra keys are never interpreted by the model, so the source's value is the one to keep.
  for (const [key, value] of Object.entries(extra)) values.set(key, value);
  if (order) {
    // Exactly the source's keys: a field the source lacked was defaulted by the reader (and
    // reported), and writing the default in would not reproduce the file.
    for (const key of order) if (values.has(key)) out[key] = values.get(key);
  } else {
    for (const [key, value] of values) if (value !== undefined) out[key] = value;
  }
  return out;
}

/**
 * True when `fields` gives the same JSON text as its members in `order`: its members that JSON
 * writes (value not undefined) are exactly `order`, in that order. A source file with the writer's
 * own key order (every server file) takes this path.
 */
function inOrder(fields: Fields, order: readonly string[]): boolean {
  let i = 0;
  for (const key in fields) {
    if (fields[key] === undefined) continue;
    if (key !== order[i++]) return false;
  }
  return i === order.length;
}

/** The source's keys in its order, with the model's values (keys the model lacks stay out). */
function inSourceOrder(fields: Fields, order: readonly string[]): Fields {
  const out: Fields = {};
  for (const key of order) if (Object.hasOwn(fields, key)) out[key] = fields[key];
  return out;
}

/** Compact JSON with one trailing newline, raw UTF-8: the server's document serialization. */
export function serverJson(value: unknown): string {
  return JSON.stringify(value) + '\n';
}
