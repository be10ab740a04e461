import { SCORE, type TextReader } from '../detect.js';
import { describeShape, taggedShape } from './tagged-head.js';
import { readTokenLines } from './token-tags.js';

/**
 * CoNLL-2003 style files: `-DOCSTART-` lines between documents, `token POS chunk NER` columns
 * (space or tab separated). Each tag column is a label set, its tag kind decided per column (POS
 * bare, chunk and NER IOB).
 */
export const conll2003Input: TextReader = {
  format: 'CONLL_2003',
  layout: '',
  extensions: ['.conll', '.txt', '.iob'],
  sniff(head) {
    const shape = taggedShape(head);
    if (!shape || !shape.docstart || shape.fields < 2) return null;
    return { score: SCORE.SIGNATURE, because: `-DOCSTART- lines, ${describeShape(shape)}` };
  },
  read: (input, source) => readTokenLines(input.text, source, 'CONLL_2003', {}),
};
