import { describe, expect, it } from 'vitest';
import { CUT_MARK, MAX_DRAWN_CHARS } from '../../../src/core/formats/pdf/cut.js';
import { loadFonts } from '../../../src/core/formats/pdf/fonts.js';
import { pageGeometry } from '../../../src/core/formats/pdf/geometry.js';
import type { BoxItem, TextItem } from '../../../src/core/formats/pdf/items.js';
import { layoutPages } from '../../../src/core/formats/pdf/layout.js';
import { selectDrawnLabels } from '../../../src/core/formats/pdf/select.js';
import { tokenDocument } from '../../../src/core/model/build.js';
import { Report } from '../../../src/core/report/report.js';
import { pdfOptions, writePdf } from './fixtures.js';
import { pageTexts } from './read-back.js';

const fonts = await loadFonts();

/** A row with a 10,000-character token between two short ones; spans over the whole token, inside its kept part and inside its cut part. */
function longTokenDocument(name = 'long.txt') {
  const long = 'x'.repeat(10_000);
  return tokenDocument({
    name,
    rows: [['before', long, 'after']],
    labelSets: [['WHOLE', 'HEAD', 'TAIL', 'NEXT']],
    spans: [
      { id: 'whole', label: 'WHOLE', start: [0, 1], end: [0, 1] },
      { id: 'head', label: 'HEAD', start: [0, 1, 10], end: [0, 1, 19] },
      { id: 'tail', label: 'TAIL', start: [0, 1, 9_000], end: [0, 1, 9_010] },
      { id: 'next', label: 'NEXT', start: [0, 2], end: [0, 2] },
    ],
  });
}

describe('texts too long to lay out', () => {
  it(`a token over ${MAX_DRAWN_CHARS.toLocaleString('en-US')} characters is drawn up to that length with ${CUT_MARK}, named once; spans in its cut part box the mark`, async () => {
    const doc = longTokenDocument();
    const options = pdfOptions();
    const geo = pageGeometry(options.pdf);
    const cuts: unknown[] = [];
    const input = { doc, drawn: selectDrawnLabels(doc, options, new Report()), shownSets: new Set([0]) };
    const pages = [...layoutPages([input], { geo, measure: fonts.measure, onMissing: () => {}, onCut: (_d, _o, cut, place) => cuts.push({ length: cut.length, kept: cut.kept, place }) })];
    const items = pages.flatMap((p) => p.items);
    const xs = items.filter((i): i is TextItem => i.kind === 'text' && /^x+…?$/.test(i.runs.map((r) => r.text).join('')));
    const drawn = xs.map((i) => i.runs.map((r) => r.text).join('')).join('');
    expect(drawn).toBe(`${'x'.repeat(MAX_DRAWN_CHARS)}${CUT_MARK}`);
    // Broken into lines that fit between the text edges.
    expect(xs.length).toBeGreaterThan(10);
    for (const piece of xs) expect(piece.x + piece.width).toBeLessThanOrEqual(geo.textRight + 0.01);
    // Laid out twice (anchors, then pages) but named once per place.
    expect(cuts).toContainEqual({ length: 10_000, kept: MAX_DRAWN_CHARS, place: { row: 0, column: 0, token: 1 } });
    const boxes = items.filter((i): i is BoxItem => i.kind === 'box');
    for (const id of ['whole', 'head', 'tail', 'next']) expect(boxes.some((b) => b.spanId === id), id).toBe(true);
    // The span inside the cut part is a box around the mark: at the end of the last piece.
    const last = xs[xs.length - 1];
    const tail = boxes.find((b) => b.spanId === 'tail')!;
    expect(tail.x + tail.w).toBeGreaterThan(last.x + last.width - 1);
    expect(tail.w).toBeLessThan(20);

    const { bytes, report: written } = await writePdf(doc);
    const messages = written.messages.filter((m) => m.kind === 'TextCut');
    expect(messages).toHaveLength(1);
    expect(messages[0].place).toEqual({ row: 0, column: 0, token: 1 });
    expect(messages[0].text).toBe(`token 2 of row 1 of 10,000 characters ("${'x'.repeat(40)}…") is drawn up to 2,000 characters and …`);
    const text = (await pageTexts(bytes)).flatMap((p) => p.items.map((i) => i.str)).join('');
    expect(text).toContain('after');
  });

  it('a document name over the limit is cut in the header and named', async () => {
    const name = `${'n'.repeat(3_000)}.txt`;
    const { report } = await writePdf(longTokenDocument(name));
    const cuts = report.messages.filter((m) => m.kind === 'TextCut');
    expect(cuts).toHaveLength(2);
    const header = cuts.find((m) => m.place === undefined)!;
    expect(header.text).toMatch(/^a text of 3,004 characters \("n{40}…"\)/);
  });
});
