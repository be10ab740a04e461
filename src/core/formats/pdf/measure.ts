import type { LoadedFace } from './fonts.js';
import { splitRuns, type RunSplit, type TextRun } from './runs.js';

export interface MeasuredText extends RunSplit {
  /** Advance width at font size 1 (multiply by the size in points). */
  unitWidth: number;
}

/** Entries kept before the cache starts over: bounds memory on huge vocabularies. */
const CACHE_LIMIT = 50_000;

/**
 * Splits and measures text with the same fontkit layout pdfkit uses to draw it, so boxes fit the
 * drawn glyphs. Tokens repeat a lot, so results are cached per string.
 */
export class TextMeasure {
  private readonly byName: Map<string, LoadedFace>;
  private readonly cache = new Map<string, MeasuredText>();

  constructor(readonly faces: readonly LoadedFace[]) {
    this.byName = new Map(faces.map((f) => [f.face.name, f]));
  }

  measure(text: string): MeasuredText {
    let hit = this.cache.get(text);
    if (!hit) {
      const split = splitRuns(text, this.faces);
      hit = { ...split, unitWidth: split.runs.reduce((sum, run) => sum + this.runUnitWidth(run), 0) };
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(text, hit);
    }
    return hit;
  }

  width(text: string, size: number): number {
    return this.measure(text).unitWidth * size;
  }

  runUnitWidth(run: TextRun): number {
    const face = this.byName.get(run.face);
    if (!face) throw new Error(`unknown font face ${run.face}`);
    return face.font.layout(run.text).advanceWidth / face.font.unitsPerEm;
  }

  /** Ascent and descent of the base face at size 1 (text boxes are drawn from these). */
  get baseMetrics(): { ascent: number; descent: number } {
    const font = this.faces[0].font;
    return { ascent: font.ascent / font.unitsPerEm, descent: -font.descent / font.unitsPerEm };
  }
}
