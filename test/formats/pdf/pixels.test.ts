import { describe, expect, it } from 'vitest';
import { BOX_FILL_OPACITY, hexToRgb, labelColors, labelKey } from '../../../src/core/formats/pdf/colors.js';
import { loadFonts } from '../../../src/core/formats/pdf/fonts.js';
import { pageGeometry } from '../../../src/core/formats/pdf/geometry.js';
import { curvePoint, type ArrowItem, type BoxItem, type LaidOutPage } from '../../../src/core/formats/pdf/items.js';
import { layoutPages, type LayoutInput } from '../../../src/core/formats/pdf/layout.js';
import { selectDrawnLabels } from '../../../src/core/formats/pdf/select.js';
import type { Document } from '../../../src/core/model/types.js';
import { Report } from '../../../src/core/report/report.js';
import { labeledFixture, pdfOptions, writePdf } from './fixtures.js';
import { colorDistance, dominantColor, renderPage, type RenderedPage } from './read-back.js';

const fonts = await loadFonts();

const options = pdfOptions({ fontSize: 12 });

/** The same layout the writer paints, so the test knows where each box and arrow must be. */
function laidOut(doc: Document): LaidOutPage[] {
  const input: LayoutInput = { doc, drawn: selectDrawnLabels(doc, options, new Report()), shownSets: new Set(doc.labelSets.map((s) => s.index)) };
  const settings = { geo: pageGeometry(options.pdf), measure: fonts.measure, onMissing: () => {} };
  return [...layoutPages([input], settings)];
}

/** A translucent fill over what is below it. */
const over = (below: readonly number[], hex: string) => below.map((v, i) => v * (1 - BOX_FILL_OPACITY) + hexToRgb(hex)[i] * BOX_FILL_OPACITY);
const WHITE = [255, 255, 255];

function interior(page: RenderedPage, box: BoxItem) {
  return dominantColor(page, box.x + 1.2, box.y + 1.2, box.w - 2.4, box.h - 2.4);
}

describe('SPAN_AND_ARROW_VISUALIZATION rendered to pixels (pdfjs-dist + @napi-rs/canvas)', async () => {
  const doc = labeledFixture();
  const { bytes } = await writePdf(doc, options);
  const page = await renderPage(bytes, 1, 'labeled-page-1.png');
  const [layout] = laidOut(doc);
  const boxes = layout.items.filter((i): i is BoxItem => i.kind === 'box');
  const box = (spanId: string) => {
    const found = boxes.filter((b) => b.spanId === spanId);
    expect(found, spanId).toHaveLength(1);
    return found[0];
  };
  const colors = labelColors(doc.labelSets);

  it('fills each span box with its label colour (label-set colour when given)', () => {
    expect(colorDistance(interior(page, box('john')), over(WHITE, '#1e88e5'))).toBeLessThanOrEqual(6);
    expect(colorDistance(interior(page, box('acme')), over(WHITE, '#e53935'))).toBeLessThanOrEqual(6);
    // VERB has no colour of its own: it gets a palette colour.
    const verb = colors.get(labelKey(1, '1-0'))!;
    expect(colorDistance(interior(page, box('lives')), over(WHITE, verb))).toBeLessThanOrEqual(6);
  });

  it('stacks a nested span: the inner box sits inside the outer one and both colours show', () => {
    const outer = box('nyc');
    const inner = box('ny');
    expect(outer.tier).toBeGreaterThan(inner.tier);
    expect(inner.x).toBeGreaterThan(outer.x);
    expect(inner.y).toBeGreaterThan(outer.y);
    expect(inner.x + inner.w).toBeLessThan(outer.x + outer.w);
    const city = colors.get(labelKey(0, 'city'))!;
    expect(colorDistance(interior(page, inner), over(over(WHITE, '#43a047'), city))).toBeLessThanOrEqual(6);
    // The outer box alone, right of the inner one ("City" token area).
    const rightPart = dominantColor(page, inner.x + inner.w + 1, outer.y + 1.2, outer.x + outer.w - inner.x - inner.w - 2.2, outer.h - 2.4);
    expect(colorDistance(rightPart, over(WHITE, '#43a047'))).toBeLessThanOrEqual(6);
  });

  it('leaves the page white away from boxes', () => {
    const geo = pageGeometry(options.pdf);
    const john = box('john');
    expect(dominantColor(page, geo.width - geo.margin - 30, john.y, 25, john.h)).toEqual([255, 255, 255]);
  });

  it('draws an arrow from the origin span to the destination span', () => {
    const arrow = layout.items.find((i): i is ArrowItem => i.kind === 'arrow' && i.arrowId === 'lives-in')!;
    const from = box('john');
    const to = box('nyc');
    expect(arrow.from.x).toBeGreaterThan(from.x);
    expect(arrow.from.x).toBeLessThan(from.x + from.w);
    expect(arrow.from.y).toBeCloseTo(from.y, 5);
    expect(arrow.to.x).toBeGreaterThan(to.x);
    expect(arrow.to.x).toBeLessThan(to.x + to.w);
    expect(arrow.to.y).toBeCloseTo(to.y, 5);
    const stroke = hexToRgb('#43a047');
    for (const t of [0.15, 0.3, 0.7, 0.85]) {
      const p = curvePoint(arrow, t);
      let best = Infinity;
      for (let dx = -1; dx <= 1; dx += 0.25) for (let dy = -1; dy <= 1; dy += 0.25) best = Math.min(best, colorDistance(page.rgbAt(p.x + dx, p.y + dy), stroke));
      expect(best, `curve at t=${t}`).toBeLessThanOrEqual(40);
    }
    // Between the two boxes at text height there is no stroke (the curve arches above).
    const gapX = (from.x + from.w + to.x) / 2;
    expect(colorDistance(page.rgbAt(gapX, from.y - 1), stroke)).toBeGreaterThan(60);
  });

  it('draws the arrow between lines too (origin row 1, destination row 2)', () => {
    const arrow = layout.items.find((i): i is ArrowItem => i.kind === 'arrow' && i.arrowId === 'works-for')!;
    expect(arrow.to.y).toBeCloseTo(box('acme').y, 5);
    const stroke = hexToRgb('#e53935');
    const p = curvePoint(arrow, 0.8);
    let best = Infinity;
    for (let dx = -1; dx <= 1; dx += 0.25) for (let dy = -1; dy <= 1; dy += 0.25) best = Math.min(best, colorDistance(page.rgbAt(p.x + dx, p.y + dy), stroke));
    expect(best).toBeLessThanOrEqual(40);
  });
});
