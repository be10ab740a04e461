import type { Document, Span } from './types.js';
import { onReleaseDocument } from './document-caches.js';

const indexes = new WeakMap<readonly Span[], Map<string, Span>>();
onReleaseDocument((doc) => indexes.delete(doc.spans));

/**
 * The span with this id (the first one, as `Array.find` would give), from an index built once per
 * spans array: arrows look up their end spans, and a search per arrow was arrows × spans on
 * documents with dependency trees.
 */
export function spanById(doc: Pick<Document, 'spans'>, id: string): Span | undefined {
  let index = indexes.get(doc.spans);
  if (!index) {
    index = new Map();
    for (const span of doc.spans) if (!index.has(span.id)) index.set(span.id, span);
    indexes.set(doc.spans, index);
  }
  return index.get(id);
}
