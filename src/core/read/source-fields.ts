import type { JsonObject, JsonValue, SourceFields } from '../model/types.js';
import type { Report } from '../report/report.js';
import { jsonPath } from './json-text.js';

/**
 * Splits a source object into the keys the model interprets and the rest. The rest goes to
 * `extra` so writers can put it back; keys that are neither interpreted nor listed as known
 * (documented but meaningless to conversion, such as `createdAt`) are reported as `UnknownField`.
 */
export function sourceFields(
  value: Record<string, unknown>,
  interpreted: ReadonlySet<string>,
  known: ReadonlySet<string>,
  where: { report?: Report; file: string; path: ReadonlyArray<PropertyKey> },
): SourceFields {
  const keys = Object.keys(value);
  let extra: JsonObject | undefined;
  for (const key of keys) {
    if (interpreted.has(key)) continue;
    (extra ??= {})[key] = value[key] as JsonValue;
    if (!known.has(key) && where.report) {
      const path = jsonPath([...where.path, key]);
      where.report.once(`UnknownField:${path.replace(/\[\d+\]/g, '[]')}`, {
        kind: 'UnknownField',
        text: `unknown key "${key}" kept as it is (first seen at ${path})`,
        place: { file: where.file, jsonPath: path },
      });
    }
  }
  return extra ? { extra, keyOrder: keys } : { keyOrder: keys };
}

/**
 * The set of the given keys. Readers call this per span and per cell: the sets are cached by their
 * keys so a million-token document does not build a million identical sets.
 */
const keySets = new Map<string, ReadonlySet<string>>();
export function keySet(...keys: string[]): ReadonlySet<string> {
  const id = keys.join('\u0000');
  let set = keySets.get(id);
  if (!set) keySets.set(id, (set = new Set(keys)));
  return set;
}
