import type { Document } from '../../model/types.js';
import type { WriteContext } from '../types.js';
import type { TokenRun } from './iob.js';
import { replaceLineBreaks } from './names.js';
import { reportNotRepresented } from './not-represented.js';
import { prepareSpans } from './prepare.js';
import { TagSpacePolicy } from './tag-space.js';
import { flat } from '../flat-string.js';

/** Turns one row's runs of one tier into tags (IOB scheme or plain label names). */
export type RowTagger = (tokenCount: number, runs: readonly TokenRun[]) => string[];

/**
 * The layout TSV_IOB and TSV_NON_IOB share (confirmed by the server samples): one line per token,
 * `token<TAB>tag` with one tag column per label set (more with `--overlap columns`), LF, a blank
 * line after every row including the last, no header. Spans are widened to whole tokens and split
 * at rows, since a blank line ends a sentence for every reader of this layout.
 */
export function writeTaggedTsv(doc: Document, ctx: WriteContext, tagger: RowTagger): string {
  const { report } = ctx;
  reportNotRepresented(doc, report);
  const tiers = prepareSpans(doc, ctx, { widen: true, crossRow: 'split', labelSets: 'all', overlaps: 'policy', columns: true });
  const tagSpace = TagSpacePolicy.from(ctx.options, 'TSV', [doc], report);

  const runsByTier = tiers.map((tier) => {
    const byRow = new Map<number, TokenRun[]>();
    for (const span of tier.spans) {
      const label = replaceLineBreaks(span.labelName);
      if (label !== span.labelName) {
        report.once(`WhitespaceReplaced:label:${span.labelName}`, {
          kind: 'WhitespaceReplaced',
          text: `tab or line break in label "${span.labelName}" written as a space`,
          label: span.labelName,
          labelId: span.labelItemId,
        });
      }
      const run = { start: span.start.token, end: span.end.token, label: tagSpace.tag(label, report, span.labelItemId) };
      const list = byRow.get(span.start.row);
      if (list) list.push(run);
      else byRow.set(span.start.row, [run]);
    }
    return byRow;
  });

  // One string per row, built by appending and flattened at its end: a parts list per row cost an
  // array store per piece, and a regular expression per token a call; both were a third of the
  // writer's time on 15,000 small documents (issue 15). Two appends per token, the token and its
  // line's end: `token + '\t' + tag + '\n'` made three more strings per token (a third of the
  // writer's allocation went with them), and most tokens end with the same `\tO\n` (issue 15).
  const rows: string[] = [];
  doc.rows.forEach((row, r) => {
    const tokens = row.cells[0]?.tokens ?? [];
    const columns = runsByTier.map((byRow) => tagger(tokens.length, byRow.get(r) ?? []));
    const single = columns.length === 1 ? columns[0] : undefined;
    let text = '';
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t];
      let written = token;
      if (hasTabOrBreak(token)) {
        written = replaceLineBreaks(token);
        report.add({ kind: 'WhitespaceReplaced', text: 'tab or line break inside a token written as a space', place: { row: r, token: t } });
      }
      text += written;
      if (single) text += lineEnd(single[t]);
      else {
        for (const tags of columns) text += '\t' + tags[t];
        text += '\n';
      }
    }
    rows.push(flat(text + '\n'));
  });
  return rows.join('');
}

/** The end of a token's line; that of a token outside every span (`O`, most tokens) is not made again each time. */
function lineEnd(tag: string): string {
  return tag === 'O' ? '\tO\n' : '\t' + tag + '\n';
}

/** A tab, CR or LF in the token (a loop: tokens are short, and a regular expression call cost more). */
function hasTabOrBreak(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13) return true;
  }
  return false;
}
