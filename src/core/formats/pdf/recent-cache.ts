/**
 * A cache that forgets what was not used lately, in two generations: new entries go to the young
 * one; when it is full it becomes the old one and the previous old one is dropped; an entry found
 * in the old generation moves back to the young one. So what keeps being used (a corpus's words,
 * label names) stays, and what was used once (a document's name and id in its header) leaves
 * after two generations, where a cache that only grew kept every document's strings for the run
 * (120 MB after 20,000 documents, issue 14). At most `2 × generation` entries.
 */
export class RecentCache<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();

  constructor(private readonly generation: number) {}

  get(key: string): V | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old.get(key);
    if (aged !== undefined) {
      this.old.delete(key);
      this.set(key, aged);
    }
    return aged;
  }

  set(key: string, value: V): void {
    if (this.young.size >= this.generation) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  get size(): number {
    return this.young.size + this.old.size;
  }
}
