import type * as fontkit from 'fontkit';
import type { TrueTypeFont } from './truetype-subset.js';

// The font types on their own: the text measure (measure.ts) uses them and fonts.ts, which loads
// the faces, uses the measure; kept apart so neither module imports the other.

/**
 * The fonts the PDF embeds, in fallback order: a character is drawn with the first face that has
 * a glyph for it, except that a script listed in `prefers` goes to its own face first (DejaVu
 * Sans has basic Arabic letters, but Noto Sans Arabic shapes the script better). The files ship
 * in the package's `fonts/` folder with their licences (fonts/README.md); never system fonts,
 * never downloaded.
 */
export interface FontFace {
  /** Name the face is registered under in the PDF document. */
  name: string;
  /** File name in the package's `fonts/` folder (and the asset name a browser build serves). */
  file: string;
  /** Code points this face is tried first for (a script's own face). */
  prefers?: (cp: number) => boolean;
}

export interface LoadedFace {
  face: FontFace;
  /** The parsed font (shaping and metrics), shared by every document of the process. */
  font: fontkit.Font;
  /** The same file read for subsetting: each PDF embeds only the glyphs it draws. */
  file: TrueTypeFont;
}
