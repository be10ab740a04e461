import type { Document } from '../../model/types.js';
import type { KindPart } from '../by-kind.js';
import { combinedFileName } from './comprehend-entities.js';
import { outputFileName } from '../../model/naming.js';
import type { WriteContext } from '../types.js';
import { iobTags, type TokenRun } from './iob.js';
import { LabelNamer, azureLabel } from './names.js';
import { reportNotRepresented } from './not-represented.js';
import { prepareSpans } from './prepare.js';
import { checkTagSpace } from './tag-space.js';
import { mayHoldSpace } from './may-hold-space.js';
import { flat } from '../flat-string.js';

/**
 * AZURE_AUTOML_CSV for token projects: the CoNLL text Azure AutoML NER trains on. Azure's rules:
 * each line is `token label` with exactly one space, labels are `O` or start with `B-`/`I-`
 * (IOB2 whatever `--scheme` says), exactly one empty line between sentences and one at the end,
 * no empty line first. So: rows without tokens are left out (they would make two empty lines in a
 * row; they hold no label), whitespace inside a token becomes `_` and inside a label `_`, both
 * reported. One label set (`--label-set`), overlaps by `--overlap`, spans split at rows.
 */
export const azureConllPart: KindPart = {
  kinds: ['TOKEN_BASED'],
  writeDocument(doc, ctx) {
    return [{ name: outputFileName(doc.name, 'conll'), content: conllSentences(doc, ctx, azureNamer(ctx)) }];
  },
  writeCombined(docs, ctx) {
    const namer = azureNamer(ctx);
    const content = docs.map((doc) => conllSentences(doc, Object.assign({}, ctx, { report: ctx.report.scope({ document: doc.name, cabinet: doc.cabinet.folder }) }), namer)).join('');
    return [{ name: combinedFileName(docs, 'conll'), content }];
  },
};

/** Azure always replaces whitespace in labels; `--tag-space` chooses with what (default `_`). */
function azureNamer(ctx: WriteContext): LabelNamer {
  const replacement = ctx.options.tagSpace;
  if (replacement !== undefined) checkTagSpace(replacement);
  return new LabelNamer((name) => azureLabel(name, replacement), 'LABEL_', 'Azure');
}

function conllSentences(doc: Document, ctx: WriteContext, namer: LabelNamer): string {
  const { report } = ctx;
  reportNotRepresented(doc, report);
  const [tier] = prepareSpans(doc, ctx, { widen: true, crossRow: 'split', labelSets: 'one', overlaps: 'policy', columns: false });
  const runsByRow = new Map<number, TokenRun[]>();
  for (const span of tier.spans) {
    const run = { start: span.start.token, end: span.end.token, label: namer.name(span.labelName, report, span.labelItemId) };
    const list = runsByRow.get(span.start.row);
    if (list) list.push(run);
    else runsByRow.set(span.start.row, [run]);
  }
  // One string per row, built by appending and flattened at its end, as TSV_IOB does (flat-string.ts):
  // a parts list joined per row cost an array store per piece; with a regular expression per token
  // (mayHoldSpace now spares it) that was a quarter of this writer (issue 15).
  const rows: string[] = [];
  doc.rows.forEach((row, r) => {
    const tokens = row.cells[0]?.tokens ?? [];
    if (tokens.length === 0) return;
    const tags = iobTags(tokens.length, runsByRow.get(r) ?? [], 'IOB2');
    let text = '';
    for (let t = 0; t < tokens.length; t++) {
      text += conllToken(tokens[t], r, t, ctx);
      // Most tokens are outside every span: their line's end is not made again each time.
      text += tags[t] === 'O' ? ' O\n' : ' ' + tags[t] + '\n';
    }
    rows.push(flat(text + '\n'));
  });
  return rows.join('');
}

/** A token must be one non-empty run of non-space characters on its line. */
function conllToken(token: string, row: number, index: number, ctx: WriteContext): string {
  const written = token === '' ? '_' : mayHoldSpace(token) && /\s/.test(token) ? token.replace(/\s+/g, '_') : token;
  if (written !== token) {
    ctx.report.add({
      kind: 'WhitespaceReplaced',
      text: token === '' ? 'empty token written as "_" (Azure lines need a token)' : `whitespace inside token "${token}" written as "_" (Azure lines are "token label" with one space)`,
      place: { row, token: index },
    });
  }
  return written;
}
