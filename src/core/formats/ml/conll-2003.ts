import { outputFileName } from '../../model/naming.js';
import type { Document } from '../../model/types.js';
import { combinedFileName, documentContext } from '../table/combined.js';
import type { FormatWriter, WriteContext } from '../types.js';
import { replaceLineBreaks } from '../token/names.js';
import { TagSpacePolicy } from '../token/tag-space.js';
import { taggedRows } from './token-tags.js';
import { flat } from '../flat-string.js';
import { mayHoldSpace } from '../token/may-hold-space.js';

/** The placeholder the CoNLL-2003 files use where a column has no value (their `-DOCSTART-` line). */
export const CONLL_PLACEHOLDER = '-X-';
export const DOCSTART_LINE = `-DOCSTART- ${CONLL_PLACEHOLDER} ${CONLL_PLACEHOLDER} O`;

/**
 * CONLL_2003 (token projects): the layout of the CoNLL-2003 shared task files (`eng.train`,
 * Tjong Kim Sang & De Meulder 2003) that most NER training scripts read: each document starts
 * with `-DOCSTART- -X- -X- O` and an empty line; then one line per token, four columns separated by
 * one space — word, part-of-speech, syntactic chunk, named-entity tag — and an empty line after each
 * sentence (row). Datasaur has no POS or chunk tags: those columns hold the placeholder `-X-` (the
 * value the task's own files use where a column has none; decided). NE tags follow `--scheme`
 * (IOB2 by default; the 2003 files used IOB1, `--scheme IOB1` reproduces it) for one label set
 * (`--label-set`). Whitespace inside a token becomes `_` (`WhitespaceReplaced`); a label name with
 * a space is reported (`TagHasSpace`) or replaced with `--tag-space`. Rows without tokens are left
 * out (they would make two empty lines; they hold no label).
 */
export const conll2003Writer: FormatWriter = {
  name: 'CONLL_2003',
  kinds: ['TOKEN_BASED'],
  extension: 'conll',
  description: 'CoNLL-2003 NER layout: -DOCSTART- -X- -X- O, then "word -X- -X- TAG" per token, empty line after each row',
  writeDocument(doc, ctx) {
    return [{ name: outputFileName(doc.name, 'conll'), content: conllDocument(doc, ctx) }];
  },
  writeCombined(docs, ctx) {
    return [{ name: combinedFileName(docs, 'conll'), content: docs.map((doc) => conllDocument(doc, documentContext(doc, ctx))).join('') }];
  },
};

function conllDocument(doc: Document, ctx: WriteContext): string {
  const { report } = ctx;
  const tagSpace = TagSpacePolicy.from(ctx.options, 'CoNLL-2003', [doc], report);
  const rows = taggedRows(doc, ctx, {
    label: (span) => {
      const label = replaceLineBreaks(span.labelName);
      if (label !== span.labelName) {
        report.once(`WhitespaceReplaced:label:${span.labelName}`, { kind: 'WhitespaceReplaced', text: `tab or line break in label "${span.labelName}" written as a space`, label: span.labelName, labelId: span.labelItemId });
      }
      return tagSpace.tag(label, report, span.labelItemId);
    },
  });
  // One flat string per row: a list of every piece of the document held 8 entries per token (a
  // 1,000,000-token document peaked at 594 MB).
  const lines: string[] = [DOCSTART_LINE + '\n\n'];
  const between = ` ${CONLL_PLACEHOLDER} ${CONLL_PLACEHOLDER} `;
  rows.forEach(({ tokens, tags }, r) => {
    if (tokens.length === 0) return;
    let text = '';
    for (let t = 0; t < tokens.length; t++) text += conllWord(tokens[t], r, t, ctx) + between + tags[t] + '\n';
    lines.push(flat(text + '\n'));
  });
  return lines.join('');
}

/** A word is one non-empty run of non-space characters: columns are split on whitespace. */
function conllWord(token: string, row: number, index: number, ctx: WriteContext): string {
  const written = token === '' ? '_' : mayHoldSpace(token) && /\s/.test(token) ? token.replace(/\s+/g, '_') : token;
  if (written !== token) {
    ctx.report.add({
      kind: 'WhitespaceReplaced',
      text: token === '' ? 'empty token written as "_" (a CoNLL line needs a word)' : `whitespace inside token "${token}" written as "_" (CoNLL columns are split on whitespace)`,
      place: { row, token: index },
    });
  }
  return written;
}
