/**
 * `data.rowAnswerSets` of a large row document, built from its entries parsed a batch at a time
 * (row-stream.ts), with identical answer sets held once.
 *
 * Why: a row document's answers are held for the whole conversion (they are written with each row)
 * and a classification project answers a million rows with a handful of distinct sets. Parsed
 * whole, scenario c's million `{"1":"science"}` were 94 MB live (an object and its elements each)
 * and 24 MB of text before that; shared, the record is its 1M slots (~8 MB) and four sets.
 *
 * Only flat sets are shared (every value a string, a boolean or null): their parsed value is
 * exactly their keys and values, so two such sets with the same keys, values and key order are
 * the same value, and nothing in the model tells them apart (nothing writes into an answer set).
 * Sets with numbers (whose source text may be kept apart, source-text.ts) or nested values are
 * kept as parsed. The entries go into the record in document order, so keys, their order and the
 * value of a repeated key (the last) are `JSON.parse`'s.
 */

/** Distinct sets held for sharing: beyond them (answers that are free text) a set is kept as parsed. */
const MAX_SHARED = 4096;
/** Keys of a set worth looking up (an answer set has one key per question). */
const MAX_KEYS = 16;
const END = Symbol('answer set');

type Node = Map<unknown, Node | object>;

export class SharedAnswerSets {
  readonly record: Record<string, unknown> = {};
  // A trie over a set's keys and values in order (key, value, key, value, …, END): a few map
  // look-ups per set, where a JSON signature cost a string per set.
  private readonly root: Node = new Map();
  private shared = 0;

  /** Adds a batch's entries (`JSON.parse` of `{entries}`) after the earlier batches'. */
  add(part: Record<string, unknown>): void {
    const record = this.record;
    for (const key in part) {
      const value = this.share(part[key]);
      // `__proto__` is an own key in JSON.parse's object; an assignment would set the prototype.
      if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
      else record[key] = value;
    }
  }

  private share(set: unknown): unknown {
    if (set === null || typeof set !== 'object' || Array.isArray(set)) return set;
    let node = this.root;
    let keys = 0;
    for (const key in set) {
      const value = (set as Record<string, unknown>)[key];
      if ((value !== null && typeof value === 'object') || typeof value === 'number' || ++keys > MAX_KEYS) return set;
      const byKey = this.step(node, key);
      if (!byKey) return set;
      const byValue = this.step(byKey, value);
      if (!byValue) return set;
      node = byValue;
    }
    const held = node.get(END);
    if (held) return held;
    if (this.shared >= MAX_SHARED) return set;
    this.shared++;
    node.set(END, set);
    return set;
  }

  /** The next node of the trie, made when there is room for more sets. */
  private step(node: Node, token: unknown): Node | undefined {
    const next = node.get(token) as Node | undefined;
    if (next || this.shared >= MAX_SHARED) return next;
    const made: Node = new Map();
    node.set(token, made);
    return made;
  }
}
