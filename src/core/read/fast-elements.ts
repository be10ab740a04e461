import { z } from 'zod';

/**
 * An array schema for the arrays that hold nearly all of a large document (`rows`, `spanLabels`):
 * each element is first checked by `isValid`, a hand-written test of the same rules, and only an
 * element it does not accept goes through zod, so errors keep zod's messages and paths. zod alone
 * spent about a second and a full copy of the document on a million-token file (it builds an output
 * object for every element, which the reader does not use).
 * `isValid` may be stricter than the element schema (zod then decides), never looser.
 */
export function fastArray<T extends z.ZodType>(element: T, isValid: (value: unknown) => boolean): z.ZodType<z.output<T>[], z.input<T>[]> {
  const whole = z.array(element);
  // z.unknown() passes the value through as it is: not even the array is copied.
  return z.unknown().superRefine((items, ctx) => {
    if (!Array.isArray(items)) return addIssues(ctx, whole, items, []);
    for (let i = 0; i < items.length; i++) if (!isValid(items[i])) addIssues(ctx, element, items[i], [i]);
  }) as unknown as z.ZodType<z.output<T>[], z.input<T>[]>;
}

/** `z.record(z.string(), value)` with the same fast path per value (row answers: one per row). */
export function fastRecord<T extends z.ZodType>(value: T, isValid: (value: unknown) => boolean): z.ZodType<Record<string, z.output<T>>, Record<string, z.input<T>>> {
  const whole = z.record(z.string(), value);
  return z.unknown().superRefine((record, ctx) => {
    if (!isObject(record)) return addIssues(ctx, whole, record, []);
    for (const key in record) if (!isValid(record[key])) addIssues(ctx, value, record[key], [key]);
  }) as unknown as z.ZodType<Record<string, z.output<T>>, Record<string, z.input<T>>>;
}

/** zod's own issues for a value the fast check did not accept (none when zod accepts it). */
function addIssues(ctx: z.RefinementCtx, schema: z.ZodType, value: unknown, prefix: PropertyKey[]): void {
  const result = schema.safeParse(value);
  if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ ...issue, path: [...prefix, ...issue.path] } as Parameters<typeof ctx.addIssue>[0]);
}

/** A parsed JSON value that is an object (every member of parsed JSON is valid JSON). */
export function isJsonObject(value: unknown): boolean {
  return isObject(value);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIndex = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
/** Defaultable fields: absent, null or of the right type. */
const optionalIndex = (v: unknown) => v === undefined || v === null || isIndex(v);
const isId = (v: unknown) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
const optionalId = (v: unknown) => v === undefined || v === null || isId(v);

/** A row of cells as `cellSchema` accepts it; a cell with metadata is left to zod. */
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
  if (s.counter !== undefined && s.counter !== null && !Number.isInteger(s.counter)) return false;
  if (s.status !== undefined && s.status !== null && !STATUSES.has(s.status as string)) return false;
  return s.labeledBy === undefined || s.labeledBy === null || typeof s.labeledBy === 'string';
}
