import { compareSpans } from '../../model/positions.js';
import type { Arrow, Document, Span } from '../../model/types.js';
import { layoutArrow, type LabelRect } from './arrows.js';
import { ARROW_COLOR, darken, fallbackColor, labelColors, labelKey } from './colors.js';
import type { PageGeometry } from './geometry.js';
import { layoutHeader, layoutLegend } from './header.js';
import type { LaidOutPage } from './items.js';
import type { TextMeasure } from './measure.js';
import { PageBuilder } from './page-builder.js';
import { layoutRow, type SpanAnchor } from './rows.js';
import type { DrawnLabels } from './select.js';
import type { CutText } from './cut.js';

export interface LayoutInput {
  doc: Document;
  drawn: DrawnLabels;
  /** Label-set indexes shown in the legend. */
  shownSets: ReadonlySet<number>;
}

/** Span anchors by `anchorKey(document index, span id)`. */
export type AnchorMap = Map<string, SpanAnchor>;
export const anchorKey = (docIndex: number, spanId: string) => `${docIndex}\u0000${spanId}`;

export interface LayoutSettings {
  geo: PageGeometry;
  measure: TextMeasure;
  /** A character no font can draw was placed in document `docIndex`. */
  onMissing(docIndex: number, ch: string): void;
  /** A text of document `docIndex` too long to lay out is drawn cut; `place` names a token or cell. */
  onCut?(docIndex: number, original: string, cut: CutText, place?: { row: number; column: number; token?: number }): void;
  /**
   * A drawn span has no box on some line (`crowded`: more spans overlap there than a page has
   * tiers for) or none at all (`no text`: it covers no drawn character).
   */
  onSpanNotDrawn?(docIndex: number, span: Span, reason: 'crowded' | 'no text'): void;
  /** An arrow is not drawn because an end span has no box. */
  onArrowNotDrawn?(docIndex: number, arrow: Arrow, missingSpanIds: string[]): void;
}

/**
 * Pages kept from the first layout pass: a document this short is laid out once and its pages
 * finished (arrows, "Page n of m") from memory; a longer one is laid out a second time and each
 * page is handed out as soon as it is finished, so memory does not grow with pages.
 */
const KEEP_PAGES = 8;

/** A page before arrows and the footer are added: they need every page's anchors and the page count. */
interface RawPage {
  page: LaidOutPage;
  docIndex: number;
  /** Spans anchored on the page (their first box is here): the arrows that start or end on it. */
  anchored: Array<{ docIndex: number; spanId: string }>;
}

/**
 * Lays the documents out page by page: each document starts a page with its header and legend,
 * then its rows; arrows are drawn between span anchors, and each page says "Page n of m".
 * Pages are yielded as soon as they are finished, so a caller that paints and drops them keeps
 * one page in memory (beyond the first pass's pages of a short document).
 */
export function* layoutPages(inputs: readonly LayoutInput[], settings: LayoutSettings): Generator<LaidOutPage> {
  const anchors: AnchorMap = new Map();
  let kept: RawPage[] | undefined = [];
  let pageCount = 0;
  for (const raw of rawPages(inputs, settings, anchors, KEEP_PAGES)) {
    pageCount = raw.page.number;
    if (kept && kept.push(raw) > KEEP_PAGES) kept = undefined;
  }
  reportUnanchored(inputs, settings, anchors);
  const finish = pageFinisher(inputs, settings, anchors, pageCount);
  if (kept) {
    for (const raw of kept) yield finish(raw);
    return;
  }
  for (const raw of rawPages(inputs, settings, null)) yield finish(raw);
}

/** The page count and span anchors of a layout (what `layoutPages` lays out first). */
export function planLayout(inputs: readonly LayoutInput[], settings: LayoutSettings): { anchors: AnchorMap; pageCount: number } {
  const anchors: AnchorMap = new Map();
  let pageCount = 0;
  for (const raw of rawPages(inputs, settings, anchors, 0)) pageCount = raw.page.number;
  return { anchors, pageCount };
}

/** Spans that got no box anywhere, and the arrows that therefore have no end to point at. */
function reportUnanchored(inputs: readonly LayoutInput[], settings: LayoutSettings, anchors: AnchorMap): void {
  inputs.forEach(({ drawn }, docIndex) => {
    for (const span of drawn.spans) if (!anchors.has(anchorKey(docIndex, span.id))) settings.onSpanNotDrawn?.(docIndex, span, 'no text');
    for (const arrow of drawn.arrows) {
      const missing = [String(arrow.originId), String(arrow.destinationId)].filter((id) => !anchors.has(anchorKey(docIndex, id)));
      if (missing.length) settings.onArrowNotDrawn?.(docIndex, arrow, missing);
    }
  });
}

/** Adds a page's arrows (between anchors of any page) and its footer. */
function pageFinisher(inputs: readonly LayoutInput[], settings: LayoutSettings, anchors: AnchorMap, pageCount: number): (raw: RawPage) => LaidOutPage {
  const { geo, measure } = settings;
  const arrowsBySpan = inputs.map(({ drawn }) => {
    const bySpan = new Map<string, Arrow[]>();
    for (const a of drawn.arrows) {
      for (const id of new Set([String(a.originId), String(a.destinationId)])) {
        const list = bySpan.get(id);
        if (list) list.push(a);
        else bySpan.set(id, [a]);
      }
    }
    return bySpan;
  });
  const colors = inputs.map(documentColors);
  const arrowColor = (doc: number, a: Arrow) => (a.layer != null && a.labelItemId != null && colors[doc].get(labelKey(a.layer, a.labelItemId))) || ARROW_COLOR;
  let docIndex = 0;
  const b = new PageBuilder(geo, measure, (ch) => settings.onMissing(docIndex, ch), () => {}, (original, cut) => settings.onCut?.(docIndex, original, cut));
  return (raw) => {
    b.page = raw.page;
    docIndex = raw.docIndex;
    const done = new Set<Arrow>();
    const labels: LabelRect[] = [];
    for (const { docIndex: d, spanId } of raw.anchored) {
      for (const arrow of arrowsBySpan[d].get(spanId) ?? []) {
        if (done.has(arrow)) continue;
        done.add(arrow);
        const origin = anchors.get(anchorKey(d, String(arrow.originId)));
        const destination = anchors.get(anchorKey(d, String(arrow.destinationId)));
        if (origin && destination) layoutArrow(b, { arrow, origin, destination, color: arrowColor(d, arrow) }, labels);
      }
    }
    const label = `Page ${raw.page.number} of ${pageCount}`;
    const width = measure.width(label, geo.smallSize);
    b.text(label, (geo.width - width) / 2, geo.bottom + geo.smallSize * 2, geo.smallSize, '#555555');
    b.page = null;
    return raw.page;
  };
}

/** Every label item's colour, and a colour for labels that are not in their label set. */
function documentColors({ doc, drawn }: LayoutInput): Map<string, string> {
  const colors = labelColors(doc.labelSets);
  for (const s of drawn.spans) {
    const key = labelKey(s.layer, s.labelItemId);
    if (!colors.has(key)) colors.set(key, fallbackColor({ id: s.labelItemId }));
  }
  return colors;
}

/**
 * The pages without arrows and footer; span anchors are recorded into `record` (the second pass
 * of a long document needs none: it has them from the first). Pages after
 * `fullPages` are laid out without items (only their breaks and anchors).
 */
function* rawPages(inputs: readonly LayoutInput[], settings: LayoutSettings, record: AnchorMap | null, fullPages = Infinity): Generator<RawPage> {
  const { geo, measure } = settings;
  let docIndex = 0;
  let anchored: RawPage['anchored'] = [];
  const finished: RawPage[] = [];
  const b = new PageBuilder(
    geo,
    measure,
    (ch) => settings.onMissing(docIndex, ch),
    (page) => {
      finished.push({ page, docIndex, anchored });
      anchored = [];
    },
    (original, cut) => settings.onCut?.(docIndex, original, cut),
  );
  b.fullPages = fullPages;

  for (const [index, input] of inputs.entries()) {
    const { doc, drawn, shownSets } = input;
    docIndex = index;
    const colors = documentColors(input);
    const arrowEnds = new Set<string>();
    for (const a of drawn.arrows) arrowEnds.add(String(a.originId)).add(String(a.destinationId));
    const continued = () => {
      b.text(`${doc.name} (continued)`, geo.margin, geo.margin * 0.6, geo.smallSize, '#888888');
    };
    b.newPage();
    layoutHeader(b, doc);
    layoutLegend(b, doc, drawn, colors, shownSets, continued);
    yield* finished.splice(0);

    const ranked = [...drawn.spans].sort((x, y) => compareSpans(doc, x, y));
    const rank = new Map(ranked.map((s, i) => [s, i]));
    const byRow = new Map<number, Span[]>();
    for (const s of ranked) {
      for (let r = s.start.row; r <= s.end.row; r++) {
        const list = byRow.get(r);
        if (list) list.push(s);
        else byRow.set(r, [s]);
      }
    }
    const colorOf = (s: Span) => colors.get(labelKey(s.layer, s.labelItemId))!;
    for (const row of doc.rows) {
      layoutRow(b, row, {
        spans: byRow.get(row.index) ?? [],
        rank,
        colorOf,
        labelColorOf: (s) => darken(colorOf(s)),
        arrowEnds,
        anchor: (span, anchor) => {
          record?.set(anchorKey(index, span.id), anchor);
          anchored.push({ docIndex: index, spanId: span.id });
        },
        onNewPage: continued,
        onNotDrawn: (span) => settings.onSpanNotDrawn?.(index, span, 'crowded'),
        onCut: (cut, column, token) => {
          const cell = row.cells[column];
          settings.onCut?.(index, token < 0 ? cell.content : cell.tokens[token], cut, token < 0 ? { row: row.index, column } : { row: row.index, column, token });
        },
      });
      yield* finished.splice(0);
    }
  }
  b.closePage();
  yield* finished.splice(0);
}
