import type { SourceFields } from '../model/types.js';

/** A key and its value; an undefined value is left out. */
export type Entry = [key: string, value: unknown];

/**
 * Builds a JSON object from the model's values in the format's canonical key order, plus the
 * source object's extra keys. When the object was read from the same format (`keepSource`), its
 * keys and their order are reproduced (keys it lacked stay out), so reading then writing a server
 * file gives the same bytes; values come from the model, except what the reader kept as it was in
 * `extra` (unknown keys, carried values of another type, defaultable fields that were null).
 */
export function ordered(entries: Entry[], source: SourceFields | undefined, keepSource: boolean): Record<string, unknown> {
  const values = new Map<string, unknown>();
  for (const [key, value] of entries) values.set(key, value);
  const out: Record<string, unknown> = {};
  const order = keepSource ? source?.keyOrder : undefined;
  // Extra keys are never interpreted by the model, so the source's value is the one to keep.
  if (keepSource && source?.extra) for (const [key, value] of Object.entries(source.extra)) values.set(key, value);
  if (order) {
    // Exactly the source's keys: a field the source lacked was defaulted by the reader (and
    // reported), and writing the default in would not reproduce the file.
    for (const key of order) if (values.has(key)) out[key] = values.get(key);
  } else {
    for (const [key, value] of values) if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Compact JSON with one trailing newline, raw UTF-8: the server's document serialization. */
export function serverJson(value: unknown): string {
  return JSON.stringify(value) + '\n';
}
