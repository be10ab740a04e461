import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { FONT_FACES } from '../../../src/core/formats/pdf/fonts.js';
import { TrueTypeFont } from '../../../src/core/formats/pdf/truetype-subset.js';
import { fontFolder } from '../../../src/node/pdf-fonts.js';

/** Text per face with composite glyphs (accented Greek and Cyrillic letters are built from others), marks and ligatures. */
const TEXT: Record<string, string> = {
  DejaVuSans: 'Ελληνικά Привет ñ café ﬁ ǅ Å ő',
  NotoSansArabic: 'مرحبا بالعالم لا',
  NotoSansJP: '東京タワーは高い。ガギグ',
  NotoEmoji: '😀 👍🏽 👨‍👩‍👧 🦄',
};

describe('TrueType subsets for the PDF', () => {
  for (const face of FONT_FACES) {
    it(`${face.name}: every glyph of the subset has the original's outline and metrics, composites included`, () => {
      // A Node Buffer, as the Node loader gives: the subset must not write into it.
      const file = readFileSync(new URL(face.file, fontFolder()));
      const before = Buffer.from(file);
      const font = fontkit.create(file) as fontkit.Font;
      const used = [0, ...new Set(font.layout(TEXT[face.name]).glyphs.map((g) => g.id))];
      const subset = new TrueTypeFont(file).subset(used);
      expect(file.equals(before), 'the font file is unchanged').toBe(true);

      const parsed = fontkit.create(Buffer.from(subset)) as fontkit.Font;
      expect(parsed.numGlyphs).toBeGreaterThanOrEqual(used.length);
      used.forEach((gid, cid) => {
        const original = font.getGlyph(gid);
        const copy = parsed.getGlyph(cid);
        expect(copy.path.toSVG(), `glyph ${gid} as ${cid}`).toBe(original.path.toSVG());
        expect(copy.advanceWidth).toBe(original.advanceWidth);
      });
      const composites = used.filter((gid) => (font.getGlyph(gid) as unknown as { _decode(): { numberOfContours: number } | null })._decode()?.numberOfContours === -1);
      if (face.name === 'DejaVuSans') expect(composites.length).toBeGreaterThan(3);
    });
  }
});
