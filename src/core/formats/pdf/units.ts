import { cellTokenOffsets } from '../../model/align.js';
import type { Row } from '../../model/types.js';
import { cutText, type CutText } from './cut.js';
import type { PageGeometry } from './geometry.js';
import type { TextMeasure } from './measure.js';

/** A token, or a piece of a token too wide for one line, placed on a line. */
export interface TextUnit {
  column: number;
  /** Token index, or -1 for the content of a cell that has no tokens. */
  token: number;
  text: string;
  /** UTF-16 range of the token this unit shows (a whole token unless it was broken). */
  charStart: number;
  charEnd: number;
  width: number;
  /** Space before the unit taken from the row's content (0 at a line start). */
  gap: number;
  /**
   * Set when the token was too long and is drawn cut (cut.ts): characters of the token from this
   * index on are shown by the cut mark, the last character of `text`.
   */
  cutAt?: number;
}

export interface PlacedUnit extends TextUnit {
  x: number;
  /** Its row is laid out right to left. */
  rtl: boolean;
}

const FIRST_LETTER = /\p{L}/u;
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/** A row reads right to left when its first letter is Arabic, Hebrew, Syriac, Thaana or N'Ko (the Unicode bidi "first strong" rule, simplified to letters). */
export function isRightToLeft(row: Row): boolean {
  for (const cell of row.cells) {
    const texts = cell.tokens.length ? cell.tokens : [cell.content];
    for (const text of texts) {
      const letter = FIRST_LETTER.exec(text);
      if (letter) return RTL_LETTER.test(letter[0]);
    }
  }
  return false;
}

/** True when the first letter of the text is of a right-to-left script (its glyphs run from the right). */
export function startsRightToLeft(text: string): boolean {
  const letter = FIRST_LETTER.exec(text);
  return letter ? RTL_LETTER.test(letter[0]) : false;
}

/** Whitespace runs longer than this are drawn as this many spaces (a tab run should not push text off the line). */
const MAX_GAP_SPACES = 8;

/**
 * The units of one row in reading order, with the spacing the row's content has between tokens:
 * no space when tokens touch (`word` `,`), one space width per whitespace character otherwise.
 * Tokens are the truth: the content only gives the gaps.
 */
export function rowUnits(row: Row, geo: PageGeometry, measure: TextMeasure, onCut: (cut: CutText, column: number, token: number) => void = () => {}): TextUnit[] {
  const space = measure.width(' ', geo.fontSize);
  const units: TextUnit[] = [];
  row.cells.forEach((cell, column) => {
    const cellGap = column > 0 ? geo.cellGap : 0;
    if (cell.tokens.length === 0) {
      if (cell.content) units.push(unit(column, -1, cell.content, 0, cell.content.length, cellGap));
      return;
    }
    const offsets = cellTokenOffsets(cell);
    cell.tokens.forEach((token, t) => {
      let gap = cellGap;
      if (t > 0) {
        const between = offsets[t].found && offsets[t - 1].found ? cell.content.slice(offsets[t - 1].end, offsets[t].start) : ' ';
        gap = Math.min([...between].length, MAX_GAP_SPACES) * space;
      }
      units.push(unit(column, t, token, 0, token.length, gap));
    });
  });
  return units;

  function unit(column: number, token: number, text: string, charStart: number, charEnd: number, gap: number): TextUnit {
    const cut = cutText(text);
    if (!cut) return { column, token, text, charStart, charEnd, width: measure.width(text, geo.fontSize), gap };
    onCut(cut, column, token);
    return { column, token, text: cut.text, charStart: 0, charEnd: cut.text.length, width: measure.width(cut.text, geo.fontSize), gap, cutAt: cut.kept };
  }
}

/** Breaks units into lines that fit between the text edges; a unit wider than a line is cut between graphemes. */
export function wrapUnits(units: readonly TextUnit[], geo: PageGeometry, measure: TextMeasure, rtl = false): PlacedUnit[][] {
  const lines: PlacedUnit[][] = [];
  let line: PlacedUnit[] = [];
  let x = geo.textLeft;
  const full = geo.textRight - geo.textLeft;
  const place = (u: TextUnit) => {
    if (line.length && x + u.gap + u.width > geo.textRight) {
      lines.push(line);
      line = [];
      x = geo.textLeft;
    }
    const gap = line.length ? u.gap : 0;
    const placed: PlacedUnit = { column: u.column, token: u.token, text: u.text, charStart: u.charStart, charEnd: u.charEnd, width: u.width, gap, x: x + gap, rtl };
    if (u.cutAt !== undefined) placed.cutAt = u.cutAt;
    line.push(placed);
    x += gap + u.width;
  };
  for (const u of units) {
    if (u.width <= full) place(u);
    else for (const piece of breakUnit(u, full, geo, measure)) place(piece);
  }
  if (line.length) lines.push(line);
  // Right-to-left rows: the same lines mirrored, so the first token sits at the right margin.
  if (rtl) for (const l of lines) for (const u of l) u.x = geo.textLeft + geo.textRight - u.x - u.width;
  return lines;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Cuts a unit wider than a line into pieces that fit, between graphemes. Each grapheme is measured
 * alone (cached, so repeated characters cost nothing) and summed, which keeps breaking linear in the
 * text; each piece is then measured whole for its drawn width.
 */
function breakUnit(u: TextUnit, full: number, geo: PageGeometry, measure: TextMeasure): TextUnit[] {
  const pieces: TextUnit[] = [];
  const text = u.text.slice(u.charStart, u.charEnd);
  const piece = (from: number, to: number) => {
    const part: TextUnit = Object.assign({}, u, { text: text.slice(from, to), charStart: u.charStart + from, charEnd: u.charStart + to, width: measure.width(text.slice(from, to), geo.fontSize), gap: pieces.length ? 0 : u.gap });
    pieces.push(part);
  };
  let start = 0;
  let width = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    const w = measure.width(segment, geo.fontSize);
    if (index > start && width + w > full) {
      piece(start, index);
      start = index;
      width = 0;
    }
    width += w;
  }
  piece(start, text.length);
  return pieces;
}
