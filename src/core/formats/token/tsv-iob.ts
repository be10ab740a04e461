import { outputFileName } from '../../model/naming.js';
import type { FormatWriter } from '../types.js';
import { iobTags } from './iob.js';
import { writeTaggedTsv } from './tagged-tsv.js';

/** TSV_IOB: token per line with IOB tags, scheme from `--scheme` (IOB2 by default). */
export const tsvIobWriter: FormatWriter = {
  name: 'TSV_IOB',
  kinds: ['TOKEN_BASED'],
  extension: 'tsv',
  description: 'token<TAB>tag per line, IOB2 (or --scheme IOB1|IOBES|BILOU), one tag column per label set, blank line after each row',
  writeDocument(doc, ctx) {
    const scheme = ctx.options.scheme;
    return [{ name: outputFileName(doc.name, 'tsv'), content: writeTaggedTsv(doc, ctx, (count, runs) => iobTags(count, runs, scheme)) }];
  },
};
