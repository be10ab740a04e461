/**
 * A set of non-zero numbers up to 2^53 (string hashes) in one Float64Array, open addressing at
 * most half full: 16 bytes per number at worst, outside the JavaScript heap. A `Set<number>` of
 * such numbers held each as a heap number plus its table entry, about 50 bytes: 17 MB for the
 * 340,000 files of scenario b's `--to all`, kept for the whole run (issue 14).
 */
export class NumberSet {
  private slots = new Float64Array(1024);
  private count = 0;

  has(value: number): boolean {
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let at = (value >>> 0) & mask; slots[at] !== 0; at = (at + 1) & mask) if (slots[at] === value) return true;
    return false;
  }

  add(value: number): void {
    if (value === 0) throw new RangeError('NumberSet holds non-zero numbers');
    if (this.has(value)) return;
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    this.place(this.slots, value);
    this.count++;
  }

  get size(): number {
    return this.count;
  }

  private place(slots: Float64Array, value: number): void {
    const mask = slots.length - 1;
    let at = (value >>> 0) & mask;
    while (slots[at] !== 0) at = (at + 1) & mask;
    slots[at] = value;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2);
    for (const value of old) if (value !== 0) this.place(this.slots, value);
  }
}
