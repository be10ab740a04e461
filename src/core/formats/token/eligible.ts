import type { Document, Span } from '../../model/types.js';
import type { WriteContext } from '../types.js';
import { spanMessage } from './place.js';

/**
 * The spans a token format may write at all: REJECTED labels are left out, CONFLICT labels are
 * left out unless `--include-conflicts` (FORMATS.md §6). Both are reported, one message per span,
 * so a user can count exactly what a format did not take.
 */
export function eligibleSpans(doc: Document, ctx: WriteContext): Span[] {
  const kept: Span[] = [];
  for (const span of doc.spans) {
    if (span.status === 'REJECTED') {
      ctx.report.add(spanMessage('RejectedLabelSkipped', 'rejected label left out', span));
      continue;
    }
    if (span.labeledBy === 'CONFLICT' && !ctx.options.includeConflicts) {
      ctx.report.add(spanMessage('ConflictLabelSkipped', 'unresolved conflict label left out', span));
      continue;
    }
    kept.push(span);
  }
  return kept;
}
