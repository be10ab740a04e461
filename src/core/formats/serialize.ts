import type { SourceFields } from '../model/types.js';

/** A key, its value, and whether it is left out when a source object did not have it. */
export type Entry = [key: string, value: unknown, optional?: boolean];

/**
 * Builds a JSON object from the model's values in the format's canonical key order, plus the
 * source object's extra keys. When the object was read from the same format (`keepSource`), its
 * key order is reproduced and optional keys it lacked stay out, so reading then writing a server
 * file gives the same bytes; values always come from the model.
 */
export function ordered(entries: Entry[], source: SourceFields | undefined, keepSource: boolean): Record<string, unknown> {
  const values = new Map<string, unknown>();
  const optional = new Set<string>();
  for (const [key, value, isOptional] of entries) {
    values.set(key, value);
    if (isOptional) optional.add(key);
  }
  const out: Record<string, unknown> = {};
  const order = keepSource ? source?.keyOrder : undefined;
  // Extra keys are never interpreted by the model, so the source's value is the one to keep.
  if (keepSource && source?.extra) for (const [key, value] of Object.entries(source.extra)) values.set(key, value);
  if (order) {
    for (const key of order) if (values.has(key)) out[key] = values.get(key);
    for (const [key, value] of values) if (!(key in out) && !optional.has(key) && value !== undefined) out[key] = value;
  } else {
    for (const [key, value] of values) if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Compact JSON with one trailing newline, raw UTF-8: the server's document serialization. */
export function serverJson(value: unknown): string {
  return JSON.stringify(value) + '\n';
}
