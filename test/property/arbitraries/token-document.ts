import fc from 'fast-check';
import { emptyDocument } from '../../../src/core/model/build.js';
import type { Arrow, Document, JsonValue, LabelSet, LabeledBy, LabelStatus, MetadataEntry, Span, TimestampLabel, TokenPosition } from '../../../src/core/model/types.js';
import { LABEL_NAMES, SEPARATORS, jsonLeafArb, tokenGraphemesArb } from './text.js';

export const STATUSES: readonly LabelStatus[] = ['LABELED', 'ACCEPTED', 'REJECTED'];
export const LABELED_BY: ReadonlyArray<LabeledBy | null> = ['AUTO', 'CONFLICT', 'EXTERNAL', 'LABELER', 'PRELABELED', 'REVIEWER', null];

/**
 * Token documents are generated as a "seed" of plain numbers and small arrays, then built into a
 * Document by `buildTokenDocument`. Every reference (a span's token, label set, label item, an
 * arrow's spans) is an index taken modulo what exists, so any value fast-check shrinks to still
 * builds a valid document: shrinking stays valid by construction.
 */
export interface TokenSeed {
  token: string[];
  /** False: the content holds something else here, so the token is not a substring of it. */
  inContent: boolean;
  separator: number;
}

export interface RowSeed {
  tokens: TokenSeed[];
  lead: number;
  trail: number;
  metadata: Array<{ key: string; value: JsonValue; pinned: boolean }>;
}

export interface SpanSeed {
  /** Index into the document's tokens in reading order; the span may run into later rows. */
  at: number;
  /** Extra tokens after the first (0 = one token). */
  length: number;
  /** Covers part of a token: cut at grapheme boundaries `startGrapheme`/`endGrapheme`. */
  partial: boolean;
  startGrapheme: number;
  endGrapheme: number;
  layer: number;
  item: number;
  counter: number;
  /** Same start and end as the previous span, with a higher counter (the server's several labels on one position). */
  samePlaceAsPrevious: boolean;
  status: number;
  labeledBy: number;
  numericId: boolean;
}

export interface ArrowSeed {
  origin: number;
  destination: number;
  labelled: boolean;
  layer: number;
  item: number;
  status: number;
  labeledBy: number;
}

/** An audio timestamp label (JSON_ADVANCED `type: "TIMESTAMP"`) over whole tokens. */
export interface TimestampSeed {
  at: number;
  length: number;
  startMillis: number;
  durationMillis: number;
  layer: number;
  counter: number;
  shouldExpand: boolean;
  status: number;
  labeledBy: number;
}

export interface TokenDocumentSeed {
  rows: RowSeed[];
  labelSets: string[][];
  spans: SpanSeed[];
  arrows: ArrowSeed[];
  timestamps: TimestampSeed[];
  comments: JsonValue[];
  labeler: boolean;
}

const rowSeedArb: fc.Arbitrary<RowSeed> = fc.record({
  tokens: fc.array(
    fc.record({
      token: tokenGraphemesArb,
      inContent: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      separator: fc.nat({ max: SEPARATORS.length - 1 }),
    }),
    { minLength: 0, maxLength: 6 },
  ),
  lead: fc.nat({ max: 3 }),
  trail: fc.nat({ max: 3 }),
  metadata: fc.oneof(
    { weight: 4, arbitrary: fc.constant<RowSeed['metadata']>([]) },
    { weight: 1, arbitrary: fc.array(fc.record({ key: fc.constantFrom('source', 'note'), value: jsonLeafArb, pinned: fc.boolean() }), { maxLength: 2 }) },
  ),
});

const spanSeedArb: fc.Arbitrary<SpanSeed> = fc.record({
  at: fc.nat({ max: 40 }),
  length: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat({ max: 6 }) }),
  partial: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  startGrapheme: fc.nat({ max: 3 }),
  endGrapheme: fc.nat({ max: 3 }),
  layer: fc.nat({ max: 4 }),
  item: fc.nat({ max: 5 }),
  counter: fc.nat({ max: 2 }),
  samePlaceAsPrevious: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  status: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat({ max: STATUSES.length - 1 }) }),
  labeledBy: fc.oneof({ weight: 3, arbitrary: fc.constant(3) }, { weight: 2, arbitrary: fc.nat({ max: LABELED_BY.length - 1 }) }),
  numericId: fc.boolean(),
});

const arrowSeedArb: fc.Arbitrary<ArrowSeed> = fc.record({
  origin: fc.nat({ max: 20 }),
  destination: fc.nat({ max: 20 }),
  labelled: fc.boolean(),
  layer: fc.nat({ max: 4 }),
  item: fc.nat({ max: 5 }),
  status: fc.nat({ max: STATUSES.length - 1 }),
  labeledBy: fc.nat({ max: LABELED_BY.length - 1 }),
});

const timestampSeedArb: fc.Arbitrary<TimestampSeed> = fc.record({
  at: fc.nat({ max: 40 }),
  length: fc.nat({ max: 3 }),
  startMillis: fc.nat({ max: 600_000 }),
  durationMillis: fc.nat({ max: 10_000 }),
  layer: fc.nat({ max: 4 }),
  counter: fc.nat({ max: 1 }),
  shouldExpand: fc.boolean(),
  status: fc.nat({ max: STATUSES.length - 1 }),
  labeledBy: fc.nat({ max: LABELED_BY.length - 1 }),
});

export const tokenDocumentSeedArb: fc.Arbitrary<TokenDocumentSeed> = fc.record({
  rows: fc.array(rowSeedArb, { minLength: 1, maxLength: 5 }),
  // Names may repeat inside a set (hierarchical labels: "Name" under "Person" and under "Place").
  labelSets: fc.array(fc.array(fc.constantFrom(...LABEL_NAMES), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }),
  spans: fc.array(spanSeedArb, { maxLength: 10 }),
  arrows: fc.array(arrowSeedArb, { maxLength: 3 }),
  timestamps: fc.oneof({ weight: 4, arbitrary: fc.constant<TimestampSeed[]>([]) }, { weight: 1, arbitrary: fc.array(timestampSeedArb, { minLength: 1, maxLength: 2 }) }),
  comments: fc.oneof({ weight: 4, arbitrary: fc.constant<JsonValue[]>([]) }, { weight: 1, arbitrary: fc.array(jsonLeafArb, { maxLength: 2 }) }),
  labeler: fc.boolean(),
});

/** Valid token documents (the model a reader would produce from a server export). */
export const tokenDocumentArb: fc.Arbitrary<Document> = tokenDocumentSeedArb.map(buildTokenDocument);

/** A stand-in the same length in graphemes that no token contains, so the token is not found. */
const NOT_IN_CONTENT = '□';

export function buildTokenDocument(seed: TokenDocumentSeed): Document {
  const doc = emptyDocument(['TOKEN_BASED'], { id: 'doc-1', name: 'story.txt', project: { id: 'P9', name: 'Property [test]' } });
  const graphemesOf = new Map<string, string[]>();
  doc.rows = seed.rows.map((row, index) => {
    const tokens = row.tokens.map((t) => t.token.join(''));
    row.tokens.forEach((t, n) => graphemesOf.set(`${index}:${n}`, t.token));
    let content = ' '.repeat(row.lead);
    row.tokens.forEach((t, n) => {
      if (n > 0) content += SEPARATORS[t.separator];
      content += t.inContent ? tokens[n] : NOT_IN_CONTENT.repeat(t.token.length);
    });
    content += ' '.repeat(row.trail);
    const metadata: MetadataEntry[] = row.metadata.map((m) => ({ key: m.key, value: m.value, pinned: m.pinned }));
    return { index, cells: [{ content, tokens, line: index, index: 0, metadata }], metadata };
  });
  doc.labelSets = seed.labelSets.map(
    (names, index): LabelSet => ({
      index,
      id: String(index),
      name: `Label set ${index + 1}`,
      // Items after the first hang under it (parentId), every other one has a colour.
      items: names.map((labelName, n) => ({ id: `${index}-${n}`, labelName, parentId: n > 0 && n % 2 === 0 ? `${index}-0` : null, color: n % 2 ? '#3366ff' : null })),
    }),
  );

  const flat: Array<{ row: number; token: number }> = [];
  doc.rows.forEach((row, r) => row.cells[0].tokens.forEach((_, t) => flat.push({ row: r, token: t })));
  const graphemeStarts = (row: number, token: number): number[] => {
    const starts: number[] = [];
    let at = 0;
    for (const g of graphemesOf.get(`${row}:${token}`) ?? []) {
      starts.push(at);
      at += g.length;
    }
    return starts;
  };
  const tokenText = (p: { row: number; token: number }) => doc.rows[p.row].cells[0].tokens[p.token];

  const spans: Span[] = [];
  if (flat.length > 0) {
    seed.spans.forEach((s, n) => {
      const set = doc.labelSets[s.layer % doc.labelSets.length];
      const item = set.items[s.item % set.items.length];
      const previous = spans[spans.length - 1];
      let start: TokenPosition;
      let end: TokenPosition;
      let counter = s.counter;
      if (s.samePlaceAsPrevious && previous) {
        start = { ...previous.start };
        end = { ...previous.end };
        counter = previous.counter + 1 + s.counter;
      } else {
        const first = flat[s.at % flat.length];
        const last = flat[Math.min(flat.length - 1, (s.at % flat.length) + s.length)];
        const starts = graphemeStarts(first.row, first.token);
        const ends = graphemeStarts(last.row, last.token);
        let startG = s.partial ? s.startGrapheme % starts.length : 0;
        let endG = s.partial ? s.endGrapheme % ends.length : ends.length - 1;
        if (first === last && endG < startG) [startG, endG] = [endG, startG];
        const endText = tokenText(last);
        const endChar = (endG + 1 < ends.length ? ends[endG + 1] : endText.length) - 1;
        start = { row: first.row, column: 0, token: first.token, char: starts[startG] };
        end = { row: last.row, column: 0, token: last.token, char: endChar };
      }
      spans.push({
        id: s.numericId ? String(n + 1) : `span-${n + 1}`,
        layer: set.index,
        labelItemId: item.id,
        labelName: item.labelName,
        start,
        end,
        counter,
        status: STATUSES[s.status],
        labeledBy: LABELED_BY[s.labeledBy],
        labeledByUserId: null,
        acceptedByUserId: null,
        rejectedByUserId: null,
      });
    });
  }
  doc.spans = spans;

  doc.arrows = spans.length === 0 ? [] : seed.arrows.map((a, n): Arrow => {
    const set = doc.labelSets[a.layer % doc.labelSets.length];
    const item = set.items[a.item % set.items.length];
    return {
      id: `arrow-${n + 1}`,
      originId: spans[a.origin % spans.length].id,
      destinationId: spans[a.destination % spans.length].id,
      layer: a.labelled ? set.index : null,
      labelItemId: a.labelled ? item.id : null,
      labelName: a.labelled ? item.labelName : null,
      counter: 0,
      status: STATUSES[a.status],
      labeledBy: LABELED_BY[a.labeledBy],
      labeledByUserId: null,
      acceptedByUserId: null,
      rejectedByUserId: null,
    };
  });
  doc.timestamps = flat.length === 0 ? [] : seed.timestamps.map((t, n): TimestampLabel => {
    const first = flat[t.at % flat.length];
    const last = flat[Math.min(flat.length - 1, (t.at % flat.length) + t.length)];
    return {
      id: `ts-${n + 1}`,
      layer: t.layer % doc.labelSets.length,
      start: { row: first.row, column: 0, token: first.token, char: 0 },
      end: { row: last.row, column: 0, token: last.token, char: tokenText(last).length - 1 },
      counter: t.counter,
      startTimestampMillis: t.startMillis,
      endTimestampMillis: t.startMillis + t.durationMillis,
      shouldExpand: t.shouldExpand,
      status: STATUSES[t.status],
      labeledBy: LABELED_BY[t.labeledBy],
      labeledByUserId: null,
      acceptedByUserId: null,
      rejectedByUserId: null,
    };
  });
  doc.comments = seed.comments;
  doc.labeler = seed.labeler ? { id: 7, email: 'labeler@example.com', displayName: 'Labeler Seven' } : null;
  return doc;
}
