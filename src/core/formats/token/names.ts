import type { Report } from '../../report/report.js';

/** Tab, CR and LF would break a line/column layout: they become one space each (FORMATS.md §6). */
export function replaceLineBreaks(text: string): string {
  return text.replace(/[\t\r\n]/g, ' ');
}

/** Accents are dropped before a name is reduced to ASCII, so `Café` stays readable as `CAFE`. */
function stripMarks(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '');
}

/** Comprehend entity types are at most 64 characters (documented by AWS). */
export const COMPREHEND_TYPE_MAX_LENGTH = 64;

/** Comprehend entity types: upper case, every run of characters other than `A-Z0-9` → `_`, trimmed, cut at 64. */
export function comprehendType(name: string): string {
  const type = stripMarks(name).toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return type.slice(0, COMPREHEND_TYPE_MAX_LENGTH).replace(/_+$/, '');
}

/** Vertex display names: every run of characters other than `A-Za-z0-9_` → `_`, trimmed. */
export function vertexLabel(name: string): string {
  return stripMarks(name).replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
}

/** Vertex entity-extraction display names are 2 to 30 characters (documented by Google). */
export const VERTEX_ENTITY_LABEL_LENGTH = { min: 2, max: 30 } as const;

/**
 * Vertex entity labels: the `A-Za-z0-9_` rule, then a one-character name gets a `_` appended and
 * a name over 30 characters is cut (decided; both reported as renames).
 */
export function vertexEntityLabel(name: string): string {
  const base = vertexLabel(name);
  if (base === '') return '';
  const long = base.length < VERTEX_ENTITY_LABEL_LENGTH.min ? base.padEnd(VERTEX_ENTITY_LABEL_LENGTH.min, '_') : base;
  return long.slice(0, VERTEX_ENTITY_LABEL_LENGTH.max);
}

/**
 * Azure CoNLL lines are `token label` with one space: whitespace inside a label becomes `_` (or the
 * `--tag-space` replacement), always, since Azure refuses the line otherwise.
 */
export function azureLabel(name: string, replacement = '_'): string {
  return name.replace(/\s+/g, replacement);
}

/**
 * Gives each label name of one output (a document, or a whole project with `--combine`) its name
 * under a target's rule. Two names that the rule makes equal get `_2`, `_3` suffixes so labels are
 * never merged; a name the rule empties gets `<fallback><n>`. Each change is reported once.
 */
export class LabelNamer {
  private readonly byOriginal = new Map<string, string>();
  private readonly taken = new Set<string>();
  private emptied = 0;
  /**
   * The report each rename was last said to. A report here is one format's view of one document,
   * where once() keeps a rename to one message; asking it again for every span of the label
   * (Comprehend renames every label to upper case) cost a key and a message built per span.
   */
  private readonly saidTo = new Map<string, Report>();

  constructor(
    private readonly rule: (name: string) => string,
    private readonly fallback: string,
    private readonly target: string,
    /** Longest name the target takes: a collision suffix replaces the end instead of growing past it. */
    private readonly maxLength = Infinity,
  ) {}

  name(original: string, report: Report, labelId?: string): string {
    const known = this.byOriginal.get(original);
    if (known !== undefined) {
      if (known !== original) this.say(original, known, report, labelId);
      return known;
    }
    let base = this.rule(original);
    if (base === '') base = `${this.fallback}${++this.emptied}`;
    let candidate = base;
    for (let n = 2; this.taken.has(candidate); n++) candidate = `${base.slice(0, this.maxLength - `_${n}`.length)}_${n}`;
    this.taken.add(candidate);
    this.byOriginal.set(original, candidate);
    if (candidate !== original) this.say(original, candidate, report, labelId);
    return candidate;
  }

  private say(original: string, renamed: string, report: Report, labelId?: string): void {
    if (this.saidTo.get(original) === report) return;
    this.saidTo.set(original, report);
    report.once(`LabelRenamed:${this.target}:${original}`, {
      kind: 'LabelRenamed',
      text: `label "${original}" written as "${renamed}" (${this.target} naming rules)`,
      label: original,
      labelId,
    });
  }
}
