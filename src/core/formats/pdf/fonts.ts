import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

/**
 * The fonts the PDF embeds, all shipped by npm packages (never system fonts, never downloaded),
 * in fallback order: a character is drawn with the first face that has a glyph for it, except
 * that a script listed in `prefers` goes to its own face first (DejaVu Sans has basic Arabic
 * letters, but Noto Sans Arabic shapes the script better).
 */
export interface FontFace {
  /** Name the face is registered under in the PDF document. */
  name: string;
  /** npm package and file inside it. */
  module: string;
  /** Code points this face is tried first for (a script's own face). */
  prefers?: (cp: number) => boolean;
}

const isArabic = (cp: number) =>
  (cp >= 0x0600 && cp <= 0x06ff) || (cp >= 0x0750 && cp <= 0x077f) || (cp >= 0x08a0 && cp <= 0x08ff) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff);

export const FONT_FACES: readonly FontFace[] = [
  // Latin, Greek, Cyrillic, combining marks, arrows, box drawing and many symbols.
  { name: 'DejaVuSans', module: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf' },
  { name: 'NotoSansArabic', module: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf', prefers: isArabic },
  // Kana, kanji and CJK punctuation.
  { name: 'NotoSansJP', module: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf' },
  // Monochrome emoji: PDF text cannot carry colour bitmap glyphs portably.
  { name: 'NotoEmoji', module: '@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf' },
];

/** The face used for headers, label names and page numbers (always the first). */
export const BASE_FACE = FONT_FACES[0].name;

export interface LoadedFace {
  face: FontFace;
  bytes: Buffer;
  font: fontkit.Font;
}

const require = createRequire(import.meta.url);
const loaded = new Map<string, LoadedFace>();

/** Reads a face's file once per process; the bytes are shared by every document. */
export function loadFace(face: FontFace): LoadedFace {
  let entry = loaded.get(face.name);
  if (!entry) {
    const bytes = readFileSync(require.resolve(face.module));
    const font = fontkit.create(bytes);
    if (!('hasGlyphForCodePoint' in font)) throw new Error(`${face.module} is a font collection, expected one font`);
    entry = { face, bytes, font };
    loaded.set(face.name, entry);
  }
  return entry;
}

export function loadAllFaces(): LoadedFace[] {
  return FONT_FACES.map(loadFace);
}
