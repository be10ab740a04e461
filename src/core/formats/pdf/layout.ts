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
  /**
   * Anchors of every span from a first pass: arrows need the page and place of both ends before
   * the page of either end is handed out. Without them (the first pass) no arrow is drawn.
   */
  anchors?: AnchorMap;
  /** Total page count from a first pass, for "Page n of m". */
  totalPages?: number;
}

/**
 * Lays the documents out page by page: each document starts a page with its header and legend,
 * then its rows. Pages are yielded as soon as they are full, so a caller that paints and drops
 * them keeps one page in memory. Span anchors are recorded into `record`.
 */
export function* layoutPages(inputs: readonly LayoutInput[], settings: LayoutSettings, record: AnchorMap = new Map()): Generator<LaidOutPage> {
  const { geo, measure } = settings;
  let docIndex = 0;
  let onPage: Array<{ docIndex: number; spanId: string }> = [];
  const arrowsBySpan: Array<Map<string, Arrow[]>> = inputs.map(({ drawn }) => {
    const bySpan = new Map<string, Arrow[]>();
    for (const a of drawn.arrows) {
      for (const id of new Set([String(a.originId), String(a.destinationId)])) bySpan.set(id, [...(bySpan.get(id) ?? []), a]);
    }
    return bySpan;
  });
  const arrowColor = (doc: number, a: Arrow) => {
    const colors = docColors[doc];
    return (a.layer != null && a.labelItemId != null && colors.get(labelKey(a.layer, a.labelItemId))) || ARROW_COLOR;
  };
  const docColors = inputs.map(({ doc, drawn }) => {
    const colors = labelColors(doc.labelSets);
    for (const s of drawn.spans) {
      const key = labelKey(s.layer, s.labelItemId);
      if (!colors.has(key)) colors.set(key, fallbackColor({ id: s.labelItemId }));
    }
    return colors;
  });

  const finishPage = (page: LaidOutPage) => {
    if (settings.anchors) {
      const done = new Set<Arrow>();
      const labels: LabelRect[] = [];
      for (const { docIndex: d, spanId } of onPage) {
        for (const arrow of arrowsBySpan[d].get(spanId) ?? []) {
          if (done.has(arrow)) continue;
          done.add(arrow);
          const origin = settings.anchors.get(anchorKey(d, String(arrow.originId)));
          const destination = settings.anchors.get(anchorKey(d, String(arrow.destinationId)));
          if (origin && destination) layoutArrow(b, { arrow, origin, destination, color: arrowColor(d, arrow) }, labels);
        }
      }
    }
    onPage = [];
    const label = settings.totalPages ? `Page ${page.number} of ${settings.totalPages}` : `Page ${page.number}`;
    const width = measure.width(label, geo.smallSize);
    b.text(label, (geo.width - width) / 2, geo.bottom + geo.smallSize * 2, geo.smallSize, '#555555');
  };
  const b = new PageBuilder(geo, measure, (ch) => settings.onMissing(docIndex, ch), finishPage);

  for (const [index, { doc, drawn, shownSets }] of inputs.entries()) {
    docIndex = index;
    const colors = docColors[index];
    const continued = () => {
      b.text(`${doc.name} (continued)`, geo.margin, geo.margin * 0.6, geo.smallSize, '#888888');
    };
    b.newPage();
    layoutHeader(b, doc);
    layoutLegend(b, doc, drawn, colors, shownSets, continued);
    yield* b.take();

    const ranked = [...drawn.spans].sort((x, y) => compareSpans(doc, x, y));
    const rank = new Map(ranked.map((s, i) => [s, i]));
    const byRow = new Map<number, Span[]>();
    for (const s of ranked) {
      for (let r = s.start.row; r <= s.end.row; r++) byRow.set(r, [...(byRow.get(r) ?? []), s]);
    }
    const arrowEnds = new Set(arrowsBySpan[index].keys());
    const colorOf = (s: Span) => colors.get(labelKey(s.layer, s.labelItemId))!;
    for (const row of doc.rows) {
      layoutRow(b, row, {
        spans: byRow.get(row.index) ?? [],
        rank,
        colorOf,
        labelColorOf: (s) => darken(colorOf(s)),
        arrowEnds,
        anchor: (span, anchor) => {
          record.set(anchorKey(index, span.id), anchor);
          onPage.push({ docIndex: index, spanId: span.id });
        },
        onNewPage: continued,
      });
      yield* b.take();
    }
  }
  b.closePage();
  yield* b.take();
}

/** First pass: where every span lands and how many pages there are. */
export function planLayout(inputs: readonly LayoutInput[], settings: Omit<LayoutSettings, 'anchors' | 'totalPages'>): { anchors: AnchorMap; pageCount: number } {
  const anchors: AnchorMap = new Map();
  let pageCount = 0;
  for (const page of layoutPages(inputs, settings, anchors)) pageCount = page.number;
  return { anchors, pageCount };
}
