import fc from 'fast-check';

/**
 * Edits to a server JSON document, described by plain numbers so they shrink validly: which value
 * (an index into every value of the parsed document, taken modulo their count) and what to do.
 */
export type JsonEdit =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'addKey'; at: number; key: string; value: unknown }
  | { kind: 'duplicateItem'; at: number }
  | { kind: 'deepNest'; at: number; depth: number };

/** Values that are wrong in some place of every schema: other types, huge, negative, fractional numbers. */
export const HOSTILE_VALUES: unknown[] = [
  null,
  true,
  '',
  'x',
  '0',
  -1,
  0,
  1.5,
  2 ** 31,
  2 ** 53 + 2,
  1e308,
  -1e308,
  [],
  [null],
  {},
  { id: null },
  'LABELED',
  'CONFLICT',
  '\u0000\ud800',
];

export const jsonEditArb: fc.Arbitrary<JsonEdit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: fc.oneof(fc.constantFrom(...HOSTILE_VALUES), fc.integer(), fc.string({ maxLength: 4 })) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('addKey' as const), at: fc.nat(), key: fc.constantFrom('layer', 'counter', 'extra', '__proto__', 'constructor', 'tokenIndex'), value: fc.constantFrom(...HOSTILE_VALUES) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicateItem' as const), at: fc.nat() }) },
  // Free-form values (comments, metadata, answers) nested far deeper than any export: recursion in
  // a validator or serializer must not overflow the stack.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deepNest' as const), at: fc.nat(), depth: fc.constantFrom(3, 50, 5_000, 50_000) }) },
);

/** A place in the parsed JSON: its container and key. */
interface Slot {
  parent: Record<string, unknown> | unknown[];
  key: string | number;
}

function slots(value: unknown, out: Slot[] = []): Slot[] {
  if (Array.isArray(value)) value.forEach((item, i) => (out.push({ parent: value, key: i }), slots(item, out)));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) (out.push({ parent: value as Record<string, unknown>, key: k }), slots(v, out));
  return out;
}

const DEEP_MARKER = '__deep_nest__';

/** Applies edits to the JSON text's value; returns the new text. */
export function applyEdits(text: string, edits: readonly JsonEdit[]): string {
  const root = JSON.parse(text) as unknown;
  for (const edit of edits) {
    const all = slots(root);
    if (all.length === 0) break;
    const { parent, key } = all[edit.at % all.length];
    const current = (parent as Record<string | number, unknown>)[key];
    switch (edit.kind) {
      case 'replace':
        (parent as Record<string | number, unknown>)[key] = edit.value;
        break;
      case 'delete':
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key as string];
        break;
      case 'addKey':
        if (current && typeof current === 'object' && !Array.isArray(current)) Object.defineProperty(current, edit.key, { value: edit.value, enumerable: true, writable: true, configurable: true });
        break;
      case 'deepNest':
        // Spliced into the text after stringify: JSON.stringify itself overflows on such depths.
        (parent as Record<string | number, unknown>)[key] = `${DEEP_MARKER}${edit.depth}`;
        break;
      case 'duplicateItem':
        if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(current));
        break;
    }
  }
  return JSON.stringify(root).replace(new RegExp(`"${DEEP_MARKER}(\\d+)"`, 'g'), (_, depth: string) => '['.repeat(Number(depth)) + ']'.repeat(Number(depth))) + '\n';
}

/** Byte-level damage: truncation, a character replaced, a line break or brace inserted. */
export type TextDamage = { kind: 'truncate'; at: number } | { kind: 'replaceChar'; at: number; char: string } | { kind: 'none' };

export const textDamageArb: fc.Arbitrary<TextDamage> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('replaceChar' as const), at: fc.nat(), char: fc.constantFrom('"', '{', '}', ',', ':', '9', '\n', '\\', ' ', '\ufeff', 'é') }) },
);

export function damage(text: string, d: TextDamage): string {
  if (d.kind === 'none' || text.length === 0) return text;
  const at = d.at % text.length;
  if (d.kind === 'truncate') return text.slice(0, at);
  return text.slice(0, at) + d.char + text.slice(at + 1);
}
