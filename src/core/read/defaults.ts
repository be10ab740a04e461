import type { Report } from '../report/report.js';

/**
 * What a reader assumed for the defaultable fields of one document (docs/formats.md, "Field
 * necessity"): one `MissingFieldDefaulted` per field path, with the number of places and the first
 * one, said when the document has been read. Readers call `missing` only when a field is absent or
 * null, so the common case (every field present) costs one comparison per field.
 */
export class FieldDefaults {
  // Made for the first default: most documents have none.
  private seen: Map<string, { first: string; count: number; assumed: string }> | undefined;

  constructor(private readonly file: string) {}

  /**
   * `pattern` is the table's path (`$.data.spanLabels[].status`); `indexes` fill its `[]` in order
   * to name the first place; `assumed` says what was used instead.
   */
  missing(pattern: string, indexes: readonly number[], assumed: string): void {
    const seen = (this.seen ??= new Map());
    const entry = seen.get(pattern);
    if (entry) {
      entry.count++;
      return;
    }
    let n = 0;
    const first = pattern.replace(/\[\]/g, () => `[${indexes[n++] ?? 0}]`);
    seen.set(pattern, { first, count: 1, assumed });
  }

  /** The paths defaulted so far (tests and the mutation property compare them with the table). */
  paths(): string[] {
    return [...(this.seen?.keys() ?? [])];
  }

  flush(report: Report | undefined): void {
    if (!report || !this.seen) return;
    for (const [pattern, { first, count, assumed }] of this.seen) {
      // The place names the first one; the pattern says which field, wherever it is.
      const where = count === 1 ? '1 place' : `${count} places, the first named here`;
      report.add({
        kind: 'MissingFieldDefaulted',
        text: `${pattern} absent or null (${where}); ${assumed}`,
        place: { file: this.file, jsonPath: first },
      });
    }
  }
}

/**
 * The id given to an object whose id is absent: derived from where it sits in the file, so the same
 * file always gives the same ids, and unlike any id a server issues (`auto:spanLabels[3]`).
 */
export function syntheticId(place: string): string {
  return `auto:${place}`;
}
