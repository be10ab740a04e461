import type { AnswerSet } from './types.js';

/**
 * Visits `rowAnswers` as `Object.entries` lists it (own enumerable keys, integer-like keys first in
 * ascending order, then the others in insertion order), without building the list.
 *
 * Why: `Object.entries` of a million answer sets is a million [key, value] arrays and their keys,
 * all alive until the loop ends; at 1M rows (scenario c) that was ~100 MB promoted to the old
 * generation before the rows were read, and 2 s, against ~30 MB and 0.5 s for `for…in` (whose key
 * list holds the indexes as numbers, each made a string as it is visited).
 */
export function forEachRowAnswers(rowAnswers: Record<string, AnswerSet>, visit: (rowKey: string, answers: AnswerSet) => void): void {
  for (const rowKey in rowAnswers) {
    // for…in also visits enumerable keys of the prototype chain, which Object.entries does not.
    if (Object.hasOwn(rowAnswers, rowKey)) visit(rowKey, rowAnswers[rowKey]);
  }
}
