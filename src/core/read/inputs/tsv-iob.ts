import { SCORE, type TextReader } from '../detect.js';
import { isTokenLines, taggedShape } from './tagged-head.js';
import { readTokenLines, tokenLinesScore } from './token-tags.js';

/**
 * TSV_IOB: `token<TAB>B-X` lines, blank line after each sentence. Tag kind per column (a file may
 * mix a bare POS column with IOB columns), scheme recognised per column; forced with
 * `--input-format TSV_IOB`, every column is read as IOB.
 */
export const tsvIobInput: TextReader = {
  format: 'TSV_IOB',
  layout: '',
  extensions: ['.tsv', '.iob', '.txt'],
  sniff(head) {
    const shape = taggedShape(head);
    if (!isTokenLines(shape) || shape.docstart) return null;
    const sniff = tokenLinesScore(shape, shape.prefixedShare >= 0.5 || shape.outsideShare === 1);
    // Space-separated IOB is what AZURE_AUTOML_CSV writes: this reading comes second there.
    return shape.separator === '\t' ? sniff : Object.assign({}, sniff, { score: Math.max(SCORE.WEAK, sniff.score - 0.3) });
  },
  read: (input, source) => readTokenLines(input.text, source, 'TSV_IOB', { tags: source.inputFormat ? 'iob' : 'auto' }),
};
