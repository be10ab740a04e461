import type { Document } from './types.js';

/**
 * Work the writers share on one document (its prepared tiers, its text, token alignments, span
 * indexes) is cached in WeakMaps keyed by the document or its parts. A WeakMap alone would free
 * an entry with its key, but not soon enough: V8's scavenger treats the values of a weak map as
 * strong (only a full collection clears entries whose key died), so every document's cached
 * work survived the scavenges after its conversion, was promoted to the old generation and filled
 * it until the next full collection (issue 15: about 13 MB more peak RSS at 20,000 documents, and
 * the reason V8 pretenured those allocation sites). The conversion says when it is done with a
 * document and each cache lets go of it then, so the work dies young with the document.
 */
const releasers: ((doc: Document) => void)[] = [];

/** A cache module registers how to drop what it holds for one document. */
export function onReleaseDocument(release: (doc: Document) => void): void {
  releasers.push(release);
}

/**
 * Drops every cached result for this document (called once its files are written). Asking again
 * later computes them again: the caches only save repeated work.
 */
export function releaseDocument(doc: Document): void {
  for (const release of releasers) release(doc);
}
