import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../../src/core/formats/pdf/fonts.js';
import { pageGeometry } from '../../../src/core/formats/pdf/geometry.js';
import { planLayout } from '../../../src/core/formats/pdf/layout.js';
import { selectDrawnLabels } from '../../../src/core/formats/pdf/select.js';
import { tokenDocument } from '../../../src/core/model/build.js';
import type { Document } from '../../../src/core/model/types.js';
import { Report } from '../../../src/core/report/report.js';
import { labeledFixture, pdfOptions, writePdf } from './fixtures.js';
import { openPdf, pageTexts } from './read-back.js';

const fonts = await loadFonts();

const options = pdfOptions();
const geo = pageGeometry(options.pdf);
const near = (a: number, b: number) => Math.abs(a - b) < 0.6;

function predictedPages(doc: Document): number {
  const drawn = selectDrawnLabels(doc, options, new Report());
  const shownSets = new Set(doc.labelSets.map((s) => s.index));
  return planLayout([{ doc, drawn, shownSets }], { geo, measure: fonts.measure, onMissing: () => {} }).pageCount;
}

describe('SPAN_AND_ARROW_VISUALIZATION read back with pdfjs-dist', () => {
  it('holds every token in order and every span label name', async () => {
    const doc = labeledFixture();
    const { bytes, name } = await writePdf(doc);
    expect(name).toBe('labeled.txt.pdf');
    const items = (await pageTexts(bytes)).flatMap((p) => p.items);
    // Each token is its own text object: the items equal to a token are exactly the tokens, in order.
    const tokens = doc.rows.flatMap((r) => r.cells[0].tokens);
    const tokenSet = new Set(tokens);
    expect(items.map((i) => i.str).filter((s) => tokenSet.has(s))).toEqual(tokens);
    const names = items.map((i) => i.str);
    for (const span of doc.spans) expect(names).toContain(span.labelName);
    // The nested CITY and its LOCATION are both named; the two-row DATE span is labelled on both rows.
    expect(names.filter((n) => n === 'DATE').length).toBeGreaterThanOrEqual(3);
    expect(names).toContain('LOCATION');
    expect(names).toContain('ORG');
  });

  it('the header names project, document and cabinet; the legend counts labels', async () => {
    const { bytes } = await writePdf(labeledFixture());
    const [first] = await pageTexts(bytes);
    const text = first.items.map((i) => i.str).join(' ');
    expect(text).toContain('labeled.txt');
    expect(text).toContain('Visual check');
    expect(text).toContain('REVIEW');
    expect(text).toContain('PERSON (2)');
    expect(text).toContain('LOCATION (2)');
    expect(text).toContain('DATE (2)');
    expect(text).toContain('ORG (1)');
    expect(text).toContain('Page 1 of 1');
  });

  it('a relation label set counts its arrows in the legend, and they are not listed again', async () => {
    const doc = tokenDocument({
      rows: [['Aspirin', 'treats', 'pain', 'and', 'fever']],
      labelSets: [['DRUG', 'SYMPTOM'], { index: 1, id: 'rel', name: 'Relations', items: [{ id: 'treats', labelName: 'TREATS', color: null }, { id: 'causes', labelName: 'CAUSES', color: null }] }],
      spans: [
        { id: 'a', label: 'DRUG', start: [0, 0], end: [0, 0] },
        { id: 'p', label: 'SYMPTOM', start: [0, 2], end: [0, 2] },
        { id: 'f', label: 'SYMPTOM', start: [0, 4], end: [0, 4] },
      ],
      arrows: [
        { id: 'r1', from: 'a', to: 'p', label: 'TREATS', layer: 1 },
        { id: 'r2', from: 'a', to: 'f', label: 'TREATS', layer: 1 },
      ],
    });
    const text = (await pageTexts((await writePdf(doc)).bytes))[0].items.map((i) => i.str);
    expect(text).toContain('Relations');
    expect(text).toContain('TREATS (2)');
    expect(text).toContain('CAUSES (0)');
    expect(text).toContain('SYMPTOM (2)');
    expect(text).not.toContain('Arrows');
  });

  it('has the page count the layout predicts, and full pages hold the rows the geometry allows', async () => {
    const rows = Array.from({ length: 230 }, (_, i) => [`row${i}`, 'plain', 'words']);
    const doc = tokenDocument({ name: 'long.txt', rows });
    const { bytes } = await writePdf(doc);
    const pdf = await openPdf(bytes);
    const pages = pdf.numPages;
    await pdf.destroy();
    expect(pages).toBe(predictedPages(doc));

    // One line per row, no spans: a row takes a line box plus the row gap.
    const rowHeight = geo.lineHeight + 1;
    const perFullPage = Math.floor((geo.bottom - geo.top - rowHeight) / (rowHeight + geo.rowGap)) + 1;
    const texts = await pageTexts(bytes);
    const rowsOn = texts.map((p) => p.items.filter((i) => /^row\d+$/.test(i.str)).length);
    for (const count of rowsOn.slice(1, -1)) expect(count).toBe(perFullPage);
    expect(rowsOn.reduce((a, b) => a + b, 0)).toBe(230);
    expect(pages).toBe(1 + Math.ceil((230 - rowsOn[0]) / perFullPage));
    expect(texts[pages - 1].items.map((i) => i.str)).toContain(`Page ${pages} of ${pages}`);
  });

  it('uses the page size and orientation asked for', async () => {
    const { bytes } = await writePdf(labeledFixture(), pdfOptions({ pageSize: 'LETTER', orientation: 'landscape' }));
    const [page] = await pageTexts(bytes);
    expect(near(page.width, 792) && near(page.height, 612)).toBe(true);
    const a4 = await pageTexts((await writePdf(labeledFixture())).bytes);
    expect(near(a4[0].width, 595.28) && near(a4[0].height, 841.89)).toBe(true);
  });

  it('scales text with the font size option', async () => {
    const big = await pageTexts((await writePdf(labeledFixture(), pdfOptions({ fontSize: 16 }))).bytes);
    const small = await pageTexts((await writePdf(labeledFixture(), pdfOptions({ fontSize: 8 }))).bytes);
    const width = (pages: typeof big) => {
      const items = pages[0].items;
      const john = items.find((i) => i.str === 'John')!;
      const smith = items.find((i) => i.str === 'Smith')!;
      return smith.x - john.x;
    };
    expect(width(big) / width(small)).toBeCloseTo(2, 1);
  });
});
