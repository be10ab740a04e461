import type * as fontkit from 'fontkit';
import { TextMeasure } from './measure.js';
import { TrueTypeFont } from './truetype-subset.js';
import type { FontFace, LoadedFace } from './font-face.js';

export type { FontFace, LoadedFace };

const isArabic = (cp: number) =>
  (cp >= 0x0600 && cp <= 0x06ff) || (cp >= 0x0750 && cp <= 0x077f) || (cp >= 0x08a0 && cp <= 0x08ff) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff);

export const FONT_FACES: readonly FontFace[] = [
  // Latin, Greek, Cyrillic, combining marks, arrows, box drawing and many symbols.
  { name: 'DejaVuSans', file: 'DejaVuSans.ttf' },
  { name: 'NotoSansArabic', file: 'NotoSansArabic-Regular.ttf', prefers: isArabic },
  // Kana, kanji and CJK punctuation.
  { name: 'NotoSansJP', file: 'NotoSansJP-Regular.ttf' },
  // Monochrome emoji: PDF text cannot carry colour bitmap glyphs portably.
  { name: 'NotoEmoji', file: 'NotoEmoji-Regular.ttf' },
];

/** The face used for headers, label names and page numbers (always the first). */
export const BASE_FACE = FONT_FACES[0].name;

export type FontBytes = Uint8Array | ArrayBuffer;

/**
 * The seam between the PDF writer and the runtime: given a face, return its file's bytes. The
 * core never reads files. The Node adapter (`src/node/pdf-fonts.ts`) reads `fonts/<file>` from
 * the package and is installed when the Node entry is imported; a browser build serves the same
 * files as static assets and installs a loader that fetches them, e.g.
 *
 *   setFontLoader(async (face) => new Uint8Array(await (await fetch(`/fonts/${face.file}`)).arrayBuffer()));
 *
 * The loader is called once per face per process (or page); the parsed fonts are kept.
 */
export type FontLoader = (face: FontFace) => FontBytes | Promise<FontBytes>;

/** Every face parsed once, with the text measure whose width cache every document shares. */
export interface FontSet {
  faces: readonly LoadedFace[];
  measure: TextMeasure;
}

let loader: FontLoader | undefined;
let loaded: Promise<FontSet> | undefined;

/** Installs the runtime's font loader; fonts already parsed with another loader are dropped. */
export function setFontLoader(next: FontLoader): void {
  if (next === loader) return;
  loader = next;
  loaded = undefined;
}

export function hasFontLoader(): boolean {
  return loader !== undefined;
}

/** The parsed faces and shared measure, loaded on first use and kept for the process. */
export function loadFonts(): Promise<FontSet> {
  if (!loader) {
    return Promise.reject(
      new Error(
        'SPAN_AND_ARROW_VISUALIZATION needs its fonts: import the Node entry (datasaur-export), or call setFontLoader() with a loader that returns the files of the package fonts/ folder',
      ),
    );
  }
  if (!loaded) {
    const load = loader;
    loaded = (async () => {
      // Loaded on first use: fontkit is memory and start-up time that other formats would carry.
      const { create } = await import('fontkit');
      const faces = await Promise.all(
        FONT_FACES.map(async (face): Promise<LoadedFace> => {
          const raw = await load(face);
          const bytes = raw instanceof Uint8Array ? raw : new Uint8Array(raw);
          return { face, font: parseFace(create, face, bytes), file: new TrueTypeFont(bytes) };
        }),
      );
      return { faces, measure: new TextMeasure(faces) };
    })();
    // A failed load (missing file) is not kept: the next document tries again and reports it again.
    loaded.catch(() => {
      if (loader === load) loaded = undefined;
    });
  }
  return loaded;
}

function parseFace(create: typeof fontkit.create, face: FontFace, bytes: Uint8Array): fontkit.Font {
  // fontkit's types ask for a Node buffer; it reads any Uint8Array.
  const parsed = create(bytes as Parameters<typeof create>[0]);
  if (!('hasGlyphForCodePoint' in parsed)) throw new Error(`${face.file} is a font collection, expected one font`);
  return parsed;
}
