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
  const order = keepSource ? source?.keyOrder : undefined;
  const extra = keepSource ? source?.extra : undefined;
  if (!extra) return order ? inSourceOrder(entries, order) : inEntryOrder(entries);
  const values = new Map<string, unknown>();
  for (const [key, value] of entries) values.set(key, value);
  const out: Record<string, unknown> = {};
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

// The two paths below are the Map path without the Map (it cost 30-40% of DATASAUR_SCHEMA's
// writer): every object of a document goes through here. They give the same JSON text: a key
// keeps the position of its first entry and takes the value of its last, and a key whose value
// is undefined is left out by JSON.stringify just as the Map path leaves it out.

function inEntryOrder(entries: Entry[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < entries.length; i++) out[entries[i][0]] = entries[i][1];
  return out;
}

function inSourceOrder(entries: Entry[], order: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of order) {
    // The last entry of the key, as Map.set keeps the last value; the entries are a handful.
    for (let i = entries.length - 1; i >= 0; i--) {
      if (entries[i][0] === key) {
        out[key] = entries[i][1];
        break;
      }
    }
  }
  return out;
}

/** Compact JSON with one trailing newline, raw UTF-8: the server's document serialization. */
export function serverJson(value: unknown): string {
  return JSON.stringify(value) + '\n';
}
