import type { Document } from '../../model/types.js';
import { InputError } from '../../errors.js';

/**
 * Number of label sets ("layers") a document has: its label-set list, widened to cover any span
 * whose layer is past the list (a span is never dropped because its set was not declared).
 */
export function layerCount(doc: Document): number {
  let count = doc.labelSets.length;
  for (const span of doc.spans) count = Math.max(count, span.layer + 1);
  return count;
}

/**
 * Resolves `--label-set <index|name>` for targets with one label column. A number, or a string of
 * digits, is an index; any other string is matched against the set names, then the set ids.
 * Default: index 0. An unknown set is a usage error, not a silent fallback.
 */
export function selectedLayer(doc: Document, choice: number | string | undefined): number {
  if (choice === undefined) return 0;
  const count = layerCount(doc);
  const asIndex = typeof choice === 'number' ? choice : /^\d+$/.test(choice.trim()) ? Number(choice.trim()) : undefined;
  if (asIndex !== undefined) {
    if (asIndex < Math.max(count, 1)) return asIndex;
    throw new InputError('BAD_OPTION', `label set ${asIndex} does not exist in document "${doc.name}"`, {
      expected: `an index from 0 to ${Math.max(count, 1) - 1} or a label-set name`,
      hint: 'Run `datasaur-export inspect` to see the label sets.',
    });
  }
  const wanted = String(choice);
  const byName = doc.labelSets.find((s) => s.name === wanted) ?? doc.labelSets.find((s) => s.id != null && String(s.id) === wanted);
  if (byName) return byName.index;
  const names = doc.labelSets.map((s) => s.name ?? String(s.index)).join(', ');
  throw new InputError('BAD_OPTION', `no label set named "${wanted}" in document "${doc.name}"`, {
    expected: names ? `one of: ${names}` : 'an index (the document has no named label sets)',
  });
}
