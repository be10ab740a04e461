import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../../src/core/formats/pdf/fonts.js';
import { PLACEHOLDER, splitRuns } from '../../../src/core/formats/pdf/runs.js';
import { UNDRAWABLE, unicodeFixture, writePdf } from './fixtures.js';
import { colorDistance, dominantColor, pageTexts, renderPage } from './read-back.js';

const { faces } = await loadFonts();

describe('text runs by glyph coverage', () => {
  it('gives each script a font that has it, and keeps marks and joiners with their base', () => {
    expect(splitRuns('abc東京', faces).runs).toEqual([
      { face: 'DejaVuSans', text: 'abc' },
      { face: 'NotoSansJP', text: '東京' },
    ]);
    expect(splitRuns('مرحبا', faces).runs).toEqual([{ face: 'NotoSansArabic', text: 'مرحبا' }]);
    expect(splitRuns('🦄', faces).runs).toEqual([{ face: 'NotoEmoji', text: '🦄' }]);
    expect(splitRuns('👨‍👩‍👧', faces).runs).toEqual([{ face: 'NotoEmoji', text: '👨‍👩‍👧' }]);
    expect(splitRuns('cafe\u0301', faces).runs).toEqual([{ face: 'DejaVuSans', text: 'cafe\u0301' }]);
  });

  it('shapes numbers digit by digit exactly as whole (no face kerns or substitutes digits)', () => {
    for (const { font } of faces) {
      for (let a = 0; a < 10; a++) {
        for (let b = 0; b < 10; b++) {
          const whole = font.layout(`${a}${b}`);
          expect(whole.glyphs.map((g) => g.id)).toEqual([font.layout(`${a}`).glyphs[0].id, font.layout(`${b}`).glyphs[0].id]);
          expect(whole.advanceWidth).toBe(font.layout(`${a}`).advanceWidth + font.layout(`${b}`).advanceWidth);
        }
      }
    }
  });

  it('names characters no font has and draws a placeholder for them', () => {
    const split = splitRuns(`x${UNDRAWABLE}y${UNDRAWABLE}`, faces);
    expect(split.missing).toEqual([UNDRAWABLE]);
    expect(split.runs.map((r) => r.text).join('')).toBe(`x${PLACEHOLDER}y${PLACEHOLDER}`);
  });
});

describe('Japanese, Arabic, emoji and combining marks in a PDF', () => {
  it('renders them with embedded fonts and reports only what cannot be drawn', async () => {
    const doc = unicodeFixture();
    const { bytes, report } = await writePdf(doc);
    const glyphs = report.messages.filter((m) => m.kind === 'GlyphMissing');
    expect(glyphs).toHaveLength(1);
    expect(glyphs[0].text).toContain('U+10000');
    expect(report.messages.filter((m) => m.kind !== 'GlyphMissing')).toEqual([]);

    const text = (await pageTexts(bytes)).flatMap((p) => p.items.map((i) => i.str)).join(' ');
    for (const token of ['東京タワー', '高い', 'Ελληνικά', 'Привет', '🦄', 'emoji']) expect(text).toContain(token);
    expect(text.normalize('NFC')).toContain('café');
    for (const label of ['PLACE', 'GREETING', 'SYMBOL']) expect(text).toContain(label);

    // The Arabic row reads from the right: its first token is right of its second.
    const firstPage = (await pageTexts(bytes))[0].items;
    // (pdfjs maps some contextual Arabic forms to control characters when extracting: ignore those.)
    const letters = (s: string) => s.replace(/[\u0000-\u001f]/g, '');
    const hello = firstPage.find((i) => letters(i.str) === 'مرحبا')!;
    const world = firstPage.find((i) => letters(i.str) === 'بالعالم')!;
    expect(hello.x).toBeGreaterThan(world.x);
    const cafe = firstPage.find((i) => i.str.normalize('NFC') === 'café')!;
    const greek = firstPage.find((i) => i.str === 'Ελληνικά')!;
    expect(cafe.x).toBeLessThan(greek.x);

    // The Japanese token's box is drawn and the glyphs inside it are inked (not empty boxes).
    const page = await renderPage(bytes, 1, 'unicode-page-1.png');
    const items = (await pageTexts(bytes))[0].items;
    const tokyo = items.find((i) => i.str === '東京タワー')!;
    const inked = dominantColor(page, tokyo.x, tokyo.y - 8, 40, 8);
    expect(colorDistance(inked, [255, 255, 255])).toBeGreaterThan(10);
  });
});
