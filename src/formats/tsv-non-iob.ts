import { outputFileName } from './naming.js';
import type { FormatWriter } from './types.js';
import { plainTags } from './token/iob.js';
import { writeTaggedTsv } from './token/tagged-tsv.js';

/** TSV_NON_IOB: the TSV_IOB layout with the bare label name as tag (POS-style), `O` when unlabeled. */
export const tsvNonIobWriter: FormatWriter = {
  name: 'TSV_NON_IOB',
  kinds: ['TOKEN_BASED'],
  extension: 'tsv',
  description: 'token<TAB>label per line (no B-/I- prefix, O when unlabeled), one tag column per label set, blank line after each row',
  writeDocument(doc, ctx) {
    return [{ name: outputFileName(doc.name, 'tsv'), content: writeTaggedTsv(doc, ctx, plainTags) }];
  },
};
