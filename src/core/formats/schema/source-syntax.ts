import type { Document } from '../../model/types.js';
import { restoreNumberTexts } from '../../model/number-text.js';

/**
 * What the same-bytes writers put back that the model's values cannot say (issue 14 items 9 and
 * 14): the source's byte order mark and the text of its numbers a double does not reproduce.
 * Only for a document written in the format it was read from (the paths are that format's).
 */
export function withSourceSyntax(json: string, doc: Document): string {
  const syntax = doc.sourceSyntax;
  if (!syntax) return json;
  const text = syntax.numbers ? restoreNumberTexts(json, syntax.numbers) : json;
  return syntax.byteOrderMark ? `\uFEFF${text}` : text;
}
