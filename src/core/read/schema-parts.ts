import * as v from 'valibot';

/**
 * The valibot pieces the JSON export schemas (DATASAUR_SCHEMA, JSON_ADVANCED) are built of, with
 * the rules the field-necessity table needs and valibot does not have as such:
 * - JSON objects are never arrays (valibot's object and record schemas take any `typeof 'object'`);
 * - an absent needed key is reported with what the field should hold (valibot's own issue names
 *   only the key);
 * - numbers are finite and integers safe, as JSON gives them and zod, the former validator, checked.
 * A check whose valibot `expects` says nothing (custom schemas: `unknown`; integer, finite: none)
 * carries what it expects as its message; `schemaError` (context.ts) reads it from there.
 */

/** A JSON object: not null, not an array. */
export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What an object or record schema expects, as valibot spells it. */
const OBJECT = 'Object';

const notArray = v.custom<Record<string, unknown>>(isObject, OBJECT);

/** Entries valibot lets be absent. */
const OPTIONAL_TYPES = new Set(['optional', 'nullish', 'exact_optional']);

/**
 * A loose object (unknown keys are kept, never rejected) that is not an array, and whose absent
 * needed keys (entries that are not nullish) are issues naming what the key should hold.
 */
export function looseObject<const T extends v.ObjectEntries>(entries: T) {
  const needed = Object.keys(entries).filter((key) => !OPTIONAL_TYPES.has(entries[key].type));
  const present = v.rawCheck<Record<string, unknown>>(({ dataset, addIssue }) => {
    const input = dataset.value;
    if (!isObject(input)) return; // the type issue is already there
    for (const key of needed) {
      if (!(key in input)) addIssue({ message: 'a required field is missing', input: undefined, expected: entries[key].expects, path: [{ type: 'object', origin: 'value', input, key, value: undefined }] });
    }
  });
  // The pipe's `expects` is its first item's (`unknown`): say Object, for the messages of the parent.
  return Object.assign(v.pipe(notArray, present, v.looseObject(entries)), { expects: OBJECT });
}

/** `Record<string, value>` that is not an array. */
export function record<const T extends v.GenericSchema>(value: T) {
  return Object.assign(v.pipe(notArray, v.record(v.string(), value)), { expects: OBJECT });
}

/** A JSON value: string, finite number, boolean, null, or arrays and plain objects of them. */
export function isJson(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) return value.every(isJson);
      // Plain objects only (of any realm): not a Date, a Map, a class instance.
      const proto = Object.getPrototypeOf(value);
      if (proto !== null && Object.getPrototypeOf(proto) !== null) return false;
      for (const key in value) if (!isJson((value as Record<string, unknown>)[key])) return false;
      return true;
    }
    default:
      return false;
  }
}

export const json = v.custom<JsonLike>(isJson, 'a JSON value');
type JsonLike = string | number | boolean | null | JsonLike[] | { [key: string]: JsonLike };

export const number = v.pipe(v.number(), v.finite('a finite number'));
export const integer = v.pipe(v.number(), v.safeInteger('an integer'));
export const index = v.pipe(v.number(), v.safeInteger('an integer'), v.minValue(0));
export const id = v.union([v.string(), number]);
export const defaultableId = v.nullish(id);
export const defaultableIndex = v.nullish(index);

/** A list whose absence (or null) means "none" (docs/formats.md: the list rule). */
export const list = <const T extends v.GenericSchema>(element: T) => v.nullish(v.array(element));

export const STATUS = v.picklist(['LABELED', 'ACCEPTED', 'REJECTED']);
