import type { LoadedFace } from './font-face.js';
import { splitRuns, type RunSplit, type TextRun } from './runs.js';
import { RecentCache } from './recent-cache.js';

/** One glyph as shaped by fontkit, in 1/1000 em (the PDF text space unit for font size 1). */
export interface ShapedGlyph {
  id: number;
  codePoints: readonly number[];
  /** The glyph's own advance (what the PDF font's width array says). */
  advance: number;
  /** The advance shaping gives it (kerning and marks change it), and its offset. */
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}

export interface MeasuredRun extends TextRun {
  /** Advance width at font size 1. */
  unitWidth: number;
  glyphs: readonly ShapedGlyph[];
}

export interface MeasuredText extends RunSplit {
  runs: MeasuredRun[];
  /** Advance width at font size 1 (multiply by the size in points). */
  unitWidth: number;
}

/**
 * Entries of a cache generation (recent-cache.ts: at most twice as many are kept). Words are what
 * shaping costs, so their cache keeps a large vocabulary; a whole string missing from its cache
 * costs only its split into font runs when its words are cached.
 */
const WORD_GENERATION = 25_000;
const TEXT_GENERATION = 4_096;
/** Longer words are shaped each time they occur: one-off long strings would only hold memory. */
const MAX_CACHED_WORD = 256;

interface ShapedWord {
  glyphs: ShapedGlyph[];
  /** Advance in font units. */
  advance: number;
}

/**
 * Splits text into font runs and shapes them with fontkit (the glyphs and advances the PDF then
 * draws), so boxes fit the drawn glyphs and drawing never measures again. One measure serves every
 * document of the process (fonts.ts keeps it with the parsed faces). Shaping is the costly part,
 * so it is done per word (a run is cut after each space, as pdfkit does) and words are cached:
 * tokens, label names and the words of headers repeat across documents. Whole strings are cached
 * too, with their font runs.
 */
export class TextMeasure {
  private readonly byName: Map<string, LoadedFace>;
  private readonly cache = new RecentCache<MeasuredText>(TEXT_GENERATION);
  /** Shaped words by face name and word. */
  private readonly words = new Map<string, RecentCache<ShapedWord>>();
  /**
   * One object per distinct shaped glyph (id, advances, offsets, characters) and face: a cached
   * word holds references to them, not glyph objects of its own (about 130 bytes each with their
   * numbers).
   */
  private readonly glyphs = new Map<string, Map<string, ShapedGlyph>>();

  constructor(readonly faces: readonly LoadedFace[]) {
    this.byName = new Map(faces.map((f) => [f.face.name, f]));
  }

  measure(text: string): MeasuredText {
    let hit = this.cache.get(text);
    if (!hit) {
      const split = splitRuns(text, this.faces);
      const runs = split.runs.map((run) => this.shape(run));
      hit = { runs, missing: split.missing, unitWidth: runs.reduce((sum, run) => sum + run.unitWidth, 0) };
      if (text.length <= MAX_CACHED_WORD) this.cache.set(text, hit);
    }
    return hit;
  }

  width(text: string, size: number): number {
    return this.measure(text).unitWidth * size;
  }

  private shapedWord(words: RecentCache<ShapedWord>, face: LoadedFace, word: string): ShapedWord {
    let shaped = words.get(word);
    if (!shaped) words.set(word, (shaped = this.shapeWord(face, word)));
    return shaped;
  }

  private shapeWord(face: LoadedFace, word: string): ShapedWord {
    let known = this.glyphs.get(face.face.name);
    if (!known) this.glyphs.set(face.face.name, (known = new Map()));
    return shapeWord(face, word, known);
  }

  private shape(run: TextRun): MeasuredRun {
    const face = this.byName.get(run.face);
    if (!face) throw new Error(`unknown font face ${run.face}`);
    let words = this.words.get(run.face);
    if (!words) this.words.set(run.face, (words = new RecentCache(WORD_GENERATION)));
    let glyphs: ShapedGlyph[] = [];
    let advance = 0;
    let start = 0;
    const text = run.text;
    while (start < text.length) {
      const space = text.indexOf(' ', start);
      const end = space < 0 ? text.length : space + 1;
      const word = text.slice(start, end);
      let shaped = words.get(word);
      if (!shaped) {
        // Numbers (row and page numbers) are all different: built from their digits, which the
        // fonts neither kern nor substitute (checked in test/formats/pdf/unicode.test.ts).
        shaped = DIGITS.test(word) ? joinShaped([...word].map((ch) => this.shapedWord(words!, face, ch))) : this.shapeWord(face, word);
        if (word.length <= MAX_CACHED_WORD) words.set(word, shaped);
      }
      glyphs = start === 0 && end === text.length ? shaped.glyphs : glyphs.concat(shaped.glyphs);
      advance += shaped.advance;
      start = end;
    }
    return { face: run.face, text, unitWidth: advance / face.font.unitsPerEm, glyphs };
  }

  /** Ascent and descent of the base face at size 1 (text boxes are drawn from these). */
  get baseMetrics(): { ascent: number; descent: number } {
    const font = this.faces[0].font;
    return { ascent: font.ascent / font.unitsPerEm, descent: -font.descent / font.unitsPerEm };
  }
}

/** Shapes a word; its glyphs are the ones in `known` where an equal one is there (added otherwise). */
function shapeWord({ font }: LoadedFace, word: string, known: Map<string, ShapedGlyph>): ShapedWord {
  const scale = 1000 / font.unitsPerEm;
  const layout = font.layout(word);
  let advance = 0;
  const glyphs = layout.glyphs.map((glyph, i): ShapedGlyph => {
    const p = layout.positions[i];
    advance += p.xAdvance;
    const shaped: ShapedGlyph = { id: glyph.id, codePoints: glyph.codePoints, advance: glyph.advanceWidth * scale, xAdvance: p.xAdvance * scale, xOffset: p.xOffset * scale, yOffset: p.yOffset * scale };
    const key = [shaped.id, shaped.advance, shaped.xAdvance, shaped.xOffset, shaped.yOffset, ...shaped.codePoints].map(exact).join(' ');
    const same = known.get(key);
    if (same) return same;
    known.set(key, shaped);
    return shaped;
  });
  return { glyphs, advance };
}

/** A number as text that tells every double apart (String() does, but for -0). */
const exact = (n: number) => (Object.is(n, -0) ? '-0' : String(n));

/** A number, with the space that may end a word. */
const DIGITS = /^[0-9]+ ?$/;

function joinShaped(parts: readonly ShapedWord[]): ShapedWord {
  return { glyphs: parts.flatMap((p) => p.glyphs), advance: parts.reduce((sum, p) => sum + p.advance, 0) };
}
