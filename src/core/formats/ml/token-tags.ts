import type { Document } from '../../model/types.js';
import type { WriteContext } from '../types.js';
import type { IobScheme, TokenRun } from '../token/iob.js';
import { iobTags } from '../token/iob.js';
import { reportNotRepresented } from '../token/not-represented.js';
import { prepareSpans } from '../token/prepare.js';
import type { Span } from '../../model/types.js';

/** The tag prefixes of each scheme, in the order their names are listed after `O`. */
const PREFIXES: Record<IobScheme, readonly string[]> = {
  IOB2: ['B', 'I'],
  IOB1: ['B', 'I'],
  IOBES: ['B', 'I', 'E', 'S'],
  BILOU: ['B', 'I', 'L', 'U'],
};

/**
 * The tag names of a token-classification dataset, in id order: `O`, then each label's prefixed
 * tags (`B-X`, `I-X`, …) in label-set item order, then labels that only spans name. The list only
 * grows, so ids handed out stay valid when a later document of a `--combine` run adds labels, and
 * documents of one project (same label sets) get the same ids.
 */
export class TagVocabulary {
  readonly names: string[] = ['O'];
  private readonly ids = new Map<string, number>([['O', 0]]);
  private readonly labels = new Set<string>();

  constructor(readonly scheme: IobScheme) {}

  addLabel(label: string): void {
    if (this.labels.has(label)) return;
    this.labels.add(label);
    for (const prefix of PREFIXES[this.scheme]) {
      const tag = `${prefix}-${label}`;
      this.ids.set(tag, this.names.length);
      this.names.push(tag);
    }
  }

  /** Labels of the chosen set in item order (duplicates once), then any span label it does not list. */
  addDocument(doc: Document, layer: number, spans: readonly Span[]): void {
    for (const item of doc.labelSets.find((s) => s.index === layer)?.items ?? []) this.addLabel(item.labelName);
    for (const span of spans) this.addLabel(span.labelName);
  }

  id(tag: string): number {
    const id = this.ids.get(tag);
    if (id === undefined) throw new Error(`tag ${tag} is not in the vocabulary`);
    return id;
  }
}

export interface TaggedRow {
  /** Model row index. */
  row: number;
  tokens: string[];
  /** One tag per token (`O`, `B-X`, …), scheme from `--scheme`. */
  tags: string[];
}

/**
 * One tagged sentence per row for the targets with one tag column (HF token classification,
 * CoNLL-2003): the shared span pipeline with one label set (`--label-set`), spans widened to
 * whole tokens, split at rows, overlaps by `--overlap`. Everything else is reported.
 */
export function taggedRows(doc: Document, ctx: WriteContext, options: { vocabulary?: TagVocabulary; label?: (span: Span) => string } = {}): TaggedRow[] {
  const { vocabulary, label = (span: Span) => span.labelName } = options;
  reportNotRepresented(doc, ctx.report);
  const [tier] = prepareSpans(doc, ctx, { widen: true, crossRow: 'split', labelSets: 'one', overlaps: 'policy', columns: false });
  vocabulary?.addDocument(doc, tier.layer, tier.spans);
  const runsByRow = new Map<number, TokenRun[]>();
  for (const span of tier.spans) {
    const run = { start: span.start.token, end: span.end.token, label: label(span) };
    const list = runsByRow.get(span.start.row);
    if (list) list.push(run);
    else runsByRow.set(span.start.row, [run]);
  }
  return doc.rows.map((row, r) => {
    const tokens = row.cells[0]?.tokens ?? [];
    return { row: row.index, tokens, tags: iobTags(tokens.length, runsByRow.get(r) ?? [], ctx.options.scheme) };
  });
}
