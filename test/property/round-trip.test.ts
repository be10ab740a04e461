import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Document, Span } from '../../src/core/model/types.js';
import { tokenDocumentArb } from './arbitraries/token-document.js';
import { rowDocumentArb } from './arbitraries/row-document.js';
import { LIGHT_RUNS, propertyParams, PROPERTY_TIMEOUT } from './config.js';
import { readServerText, serverText, type ServerFormat } from './server-text.js';

/**
 * Property 1: model → server text → model → the same text, for both server serializations, and
 * the model read back holds the same labels as the one written (so "same text" is not two equal
 * mistakes).
 */
function spanFacts(s: Span) {
  return { id: s.id, layer: s.layer, item: s.labelItemId, name: s.labelName, start: s.start, end: s.end, counter: s.counter, status: s.status, labeledBy: s.labeledBy };
}

function sameLabels(read: Document, written: Document): void {
  expect(read.rows.map((r) => [r.cells[0]?.content, r.cells[0]?.tokens])).toEqual(written.rows.map((r) => [r.cells[0]?.content, r.cells[0]?.tokens]));
  expect(read.labelSets.map((s) => s.items.map((i) => [i.id, i.labelName]))).toEqual(written.labelSets.map((s) => s.items.map((i) => [i.id, i.labelName])));
  const byId = (spans: Span[]) => spans.map(spanFacts).sort((a, b) => (a.id < b.id ? -1 : 1));
  expect(byId(read.spans)).toEqual(byId(written.spans));
  const arrows = (d: Document) => d.arrows.map((a) => [a.id, a.originId, a.destinationId, a.labelItemId ?? null, a.status, a.labeledBy]).sort();
  expect(arrows(read)).toEqual(arrows(written));
}

describe('property 1: server serializations round-trip', { timeout: PROPERTY_TIMEOUT }, () => {
  for (const format of ['DATASAUR_SCHEMA', 'JSON_ADVANCED'] as ServerFormat[]) {
    it(`token documents: model → ${format} → model → same text`, () => {
      fc.assert(
        fc.property(tokenDocumentArb, (doc) => {
          const text = serverText(doc, format);
          const read = readServerText(text, doc);
          expect(read.source).toBe(format);
          expect(serverText(read, format)).toBe(text);
          sameLabels(read, doc);
        }),
        propertyParams(LIGHT_RUNS),
      );
    });
  }

  it('row documents (every question type, bound and unbound, document answers): model → DATASAUR_SCHEMA → model → same text', () => {
    fc.assert(
      fc.property(rowDocumentArb, (doc) => {
        const text = serverText(doc, 'DATASAUR_SCHEMA');
        const read = readServerText(text, doc);
        expect(serverText(read, 'DATASAUR_SCHEMA')).toBe(text);
        expect(read.rows.map((r) => r.cells.map((c) => c.content))).toEqual(doc.rows.map((r) => r.cells.map((c) => c.content)));
        expect(read.rowAnswers).toEqual(doc.rowAnswers);
        expect(read.documentAnswers).toEqual(doc.documentAnswers);
        expect(read.rowQuestions.map((q) => [q.id, q.type, q.bindToColumn ?? null])).toEqual(doc.rowQuestions.map((q) => [q.id, q.type, q.bindToColumn ?? null]));
      }),
      propertyParams(LIGHT_RUNS),
    );
  });
});
