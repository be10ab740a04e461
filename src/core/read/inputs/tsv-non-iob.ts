import { SCORE, type TextReader } from '../detect.js';
import { isTokenLines, taggedShape } from './tagged-head.js';
import { readTokenLines, tokenLinesScore } from './token-tags.js';

/**
 * TSV_NON_IOB: `token<TAB>LABEL` lines (bare label names, `O` for none; POS-style data). A run of
 * equal tags is one span (the layout cannot show where one span ends and an equal one begins).
 */
export const tsvNonIobInput: TextReader = {
  format: 'TSV_NON_IOB',
  layout: '',
  extensions: ['.tsv', '.txt'],
  sniff(head) {
    const shape = taggedShape(head);
    if (!isTokenLines(shape) || shape.docstart) return null;
    // Every tag O: both tag kinds read the same (no span); the IOB reading is preferred.
    if (shape.outsideShare === 1) return { score: SCORE.LIKELY, because: tokenLinesScore(shape, true).because };
    return tokenLinesScore(shape, shape.prefixedShare < 0.5);
  },
  read: (input, source) => readTokenLines(input.text, source, 'TSV_NON_IOB', { tags: source.inputFormat ? 'plain' : 'auto' }),
};
