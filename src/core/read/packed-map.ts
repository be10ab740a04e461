/**
 * `items.map(fn)` that always returns a packed array. Array.prototype.map gives a packed array when
 * it runs in the interpreter and a holey one once TurboFan has inlined it, so the model's lists
 * (rows, label sets, items) changed their map each time a reader was optimized or deoptimized:
 * every function that had been optimized for the other kind was deoptimized and compiled again,
 * the big ones three times in a run (readDatasaurSchema, computeTiers, resolveOverlaps, 30-90 ms a
 * compile; issue 15, measured with --trace-deopt and %HasHoleyElements). Pushing keeps one kind.
 * JSON arrays have no holes, so the result is what `map` gives.
 */
export function packedMap<T, U>(items: readonly T[], fn: (item: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) out.push(fn(items[i], i));
  return out;
}
