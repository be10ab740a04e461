import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { FONT_FACES, setFontLoader, type FontFace, type FontLoader } from '../core/formats/pdf/fonts.js';

let folder: URL | undefined;

/**
 * The package's `fonts/` folder, looked for from this file's folder up: two levels up in
 * `src/node/` (tests, tsx), one or two in the published build (this code is bundled into
 * `dist/index.js`, `dist/node/index.js` or a chunk in `dist/chunks/`), further up in the bench's
 * compiled copy.
 */
export function fontFolder(): URL {
  if (!folder) {
    const probe = FONT_FACES[0].file;
    for (let up = new URL('./', import.meta.url); ; up = new URL('../', up)) {
      const candidate = new URL('fonts/', up);
      if (existsSync(new URL(probe, candidate))) {
        folder = candidate;
        break;
      }
      if (up.pathname === '/') throw new Error(`the PDF fonts folder (fonts/${probe}) is missing from the datasaur-export package`);
    }
  }
  return folder;
}

/** Reads a face's file from the package; the core calls it once per face per process. */
export const nodeFontLoader: FontLoader = (face: FontFace) => readFile(new URL(face.file, fontFolder()));

// Importing the Node side of the library is what gives the PDF writer its fonts.
setFontLoader(nodeFontLoader);
