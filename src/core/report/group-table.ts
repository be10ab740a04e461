/** The fields that make a group, in this order; '' where a message has none. */
export const GROUP_FIELDS = 6;

/**
 * Counts per group of six strings (kind, severity, format, project, cabinet, document), in
 * first-seen order, held as numbers: each distinct string once (a document's name once however
 * many formats and kinds it has), each group as six string numbers and a count in typed arrays
 * (about 40 bytes with its hash slot, outside the JavaScript heap). A map keyed by the joined
 * fields held a concatenated string per group, about 170 bytes of heap: 24 MB for scenario b's
 * 140,000 groups of `--to all`, kept for the run (issue 14).
 */
export class GroupTable {
  private readonly numbers = new Map<string, number>([['', 0]]);
  private readonly strings: string[] = [''];
  // Small to start: a report is also made per document for a preparation's messages (most hold
  // none), and zero-filling 14 KB of arrays there cost 6 µs per document (issue 15).
  /** GROUP_FIELDS string numbers per group. */
  private fields = new Uint32Array(GROUP_FIELDS * 8);
  private counts = new Float64Array(8);
  /** Group index + 1 by hash of its fields, open addressing, at most half full (0: empty). */
  private slots = new Int32Array(16);
  private size = 0;

  get length(): number {
    return this.size;
  }

  /** Adds one to the group of these fields (GROUP_FIELDS strings); returns the group's index. */
  add(values: readonly string[]): number {
    const ids = values.map((value) => this.number(value));
    const mask = this.slots.length - 1;
    let at = hash(ids) & mask;
    for (let slot = this.slots[at]; slot !== 0; slot = this.slots[(at = (at + 1) & mask)]) {
      if (this.sameFields(slot - 1, ids)) {
        this.counts[slot - 1]++;
        return slot - 1;
      }
    }
    const group = this.size++;
    if (this.size > this.counts.length) this.growColumns();
    this.fields.set(ids, group * GROUP_FIELDS);
    this.counts[group] = 1;
    this.slots[at] = group + 1;
    if (this.size * 2 > this.slots.length) this.growSlots();
    return group;
  }

  /** Adds one to group `index`, which `add` returned. */
  addTo(index: number): void {
    this.counts[index]++;
  }

  /** The fields and count of group `index` (0 ≤ index < length). */
  group(index: number): { values: string[]; count: number } {
    const values: string[] = [];
    for (let f = 0; f < GROUP_FIELDS; f++) values.push(this.strings[this.fields[index * GROUP_FIELDS + f]]);
    return { values, count: this.counts[index] };
  }

  private number(value: string): number {
    let id = this.numbers.get(value);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(value);
      this.numbers.set(value, id);
    }
    return id;
  }

  private sameFields(group: number, ids: readonly number[]): boolean {
    for (let f = 0; f < GROUP_FIELDS; f++) if (this.fields[group * GROUP_FIELDS + f] !== ids[f]) return false;
    return true;
  }

  private growColumns(): void {
    const fields = new Uint32Array(this.fields.length * 2);
    fields.set(this.fields);
    this.fields = fields;
    const counts = new Float64Array(this.counts.length * 2);
    counts.set(this.counts);
    this.counts = counts;
  }

  private growSlots(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let group = 0; group < this.size; group++) {
      let at = hash(Array.from(this.fields.subarray(group * GROUP_FIELDS, (group + 1) * GROUP_FIELDS))) & mask;
      while (this.slots[at] !== 0) at = (at + 1) & mask;
      this.slots[at] = group + 1;
    }
  }
}

/** FNV-1a over the string numbers. */
function hash(ids: readonly number[]): number {
  let h = 0x811c9dc5;
  for (const id of ids) h = Math.imul(h ^ id, 0x01000193);
  return h >>> 0;
}
