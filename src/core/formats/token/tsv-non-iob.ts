import { outputFileName } from '../../model/naming.js';
import type { FormatWriter, WriteContext } from '../types.js';
import { plainTags, type TokenRun } from './iob.js';
import { writeTaggedTsv } from './tagged-tsv.js';

/** The tag of a token outside every span. */
const OUTSIDE = 'O';
/** What a label literally named `O` is written as, so it is not read as "no label" (decided). */
export const RENAMED_OUTSIDE_LABEL = 'O_';

/** TSV_NON_IOB: the TSV_IOB layout with the bare label name as tag (POS-style), `O` when unlabeled. */
export const tsvNonIobWriter: FormatWriter = {
  name: 'TSV_NON_IOB',
  kinds: ['TOKEN_BASED'],
  extension: 'tsv',
  description: 'token<TAB>label per line (no B-/I- prefix, O when unlabeled), one tag column per label set, blank line after each row',
  writeDocument(doc, ctx) {
    return [{ name: outputFileName(doc.name, 'tsv'), content: writeTaggedTsv(doc, ctx, (count, runs) => plainTags(count, runs.map((run) => notOutside(run, ctx)))) }];
  },
};

/**
 * A bare tag `O` means "outside every span": a label named `O` would vanish into it. It is written
 * as `O_` and the rename reported once (found by test/property/conservation.test.ts).
 */
function notOutside(run: TokenRun, ctx: WriteContext): TokenRun {
  if (run.label !== OUTSIDE) return run;
  ctx.report.once(`LabelRenamed:${OUTSIDE}`, {
    kind: 'LabelRenamed',
    text: `label "${OUTSIDE}" written as "${RENAMED_OUTSIDE_LABEL}" (a bare O tag means "no label" in TSV_NON_IOB)`,
    label: OUTSIDE,
  });
  return Object.assign({}, run, { label: RENAMED_OUTSIDE_LABEL });
}
