import type { LoadedFace } from './font-face.js';

/** A piece of text drawn with one font. */
export interface TextRun {
  face: string;
  text: string;
}

export interface RunSplit {
  runs: TextRun[];
  /** Characters no face can draw (each shown as U+FFFD), in order of appearance, unique. */
  missing: string[];
}

/** Drawn in place of a character no embedded font has. */
export const PLACEHOLDER = '\uFFFD';

// Invisible format characters (joiners, variation selectors, tags): they belong to the run they
// sit in and are dropped when that run's font does not know them, which changes nothing visible.
const FORMAT_CHAR = /^[\u200b-\u200f\u2060-\u206f\ufe00-\ufe0f\u{e0000}-\u{e01ef}]$/u;
const COMBINING = /^\p{M}$/u;
const WHITESPACE = /^\s$/u;

/**
 * Splits text into runs by glyph coverage so mixed scripts render: a character stays in the
 * current run while that run's font has it (this keeps digits and punctuation inside a Japanese
 * or Arabic word in the same font), else it goes to its script's preferred face, else to the
 * first face in fallback order that has it. Combining marks stick to their base when they can.
 */
export function splitRuns(text: string, faces: readonly LoadedFace[]): RunSplit {
  const runs: TextRun[] = [];
  const missing: string[] = [];
  let current: LoadedFace | undefined;
  const push = (face: LoadedFace, chars: string) => {
    const last = runs[runs.length - 1];
    if (last && last.face === face.face.name) last.text += chars;
    else runs.push({ face: face.face.name, text: chars });
    current = face;
  };
  for (const raw of text) {
    const ch = WHITESPACE.test(raw) ? ' ' : raw;
    const cp = ch.codePointAt(0)!;
    if (current?.font.hasGlyphForCodePoint(cp) && (ch === ' ' || FORMAT_CHAR.test(ch) || COMBINING.test(ch))) {
      push(current, ch);
      continue;
    }
    if (FORMAT_CHAR.test(ch)) continue;
    if (ch === ' ') {
      push(current ?? faces[0], ch);
      continue;
    }
    const preferred = faces.find((f) => f.face.prefers?.(cp) && f.font.hasGlyphForCodePoint(cp));
    const face =
      preferred ?? (current?.font.hasGlyphForCodePoint(cp) ? current : faces.find((f) => f.font.hasGlyphForCodePoint(cp)));
    if (face) {
      push(face, ch);
      continue;
    }
    if (!missing.includes(raw)) missing.push(raw);
    push(faces[0], PLACEHOLDER);
  }
  return { runs, missing };
}

/** `U+1F600` style name of a character for report messages. */
export function codePointName(ch: string): string {
  return [...ch].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}
