import fc from 'fast-check';

/**
 * Pieces of text the converters must keep intact: user-perceived characters (graphemes) from many
 * scripts, including ones that are several UTF-16 units (emoji, flags, ZWJ families), several code
 * points (combining marks, skin tones), right-to-left letters, and characters that mean something
 * to CSV/TSV/spreadsheets (comma, quote, formula starters). Tabs and line breaks appear both
 * between tokens (in `content`) and, rarely, inside tokens, where writers must replace and report.
 */
export const LATIN = ['a', 'b', 'c', 'x', 'Z', 'Q', '7', '0'];
export const PUNCTUATION = [',', '"', '.', "'", '=', '+', '-', '@', ';', '|', '_', '(', ')'];
export const COMBINING = ['e\u0301', 'n\u0303', 'a\u0308\u0323', 'é', 'ø', 'ß'];
export const CJK = ['漢', '字', '日', '本', '語', '한', '글', 'カ'];
export const RTL = ['ع', 'ر', 'ب', 'ي', 'ש', 'ל', 'ו', 'ם', '\u200f'];
export const EMOJI = ['😀', '👍🏽', '👨\u200d👩\u200d👧', '🇯🇵', '❤️', '𝔘'];
export const INSIDE_TOKEN_WHITESPACE = ['\t', '\n', '\u00a0'];

export const graphemeArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...LATIN) },
  { weight: 2, arbitrary: fc.constantFrom(...PUNCTUATION) },
  { weight: 2, arbitrary: fc.constantFrom(...COMBINING) },
  { weight: 2, arbitrary: fc.constantFrom(...CJK) },
  { weight: 2, arbitrary: fc.constantFrom(...RTL) },
  { weight: 2, arbitrary: fc.constantFrom(...EMOJI) },
  { weight: 1, arbitrary: fc.constantFrom(...INSIDE_TOKEN_WHITESPACE) },
);

/** A token: one to four graphemes (kept as graphemes so char-level spans can cut between them). */
export const tokenGraphemesArb: fc.Arbitrary<string[]> = fc.array(graphemeArb, { minLength: 1, maxLength: 4 });

/** What stands between two tokens in a row's content (empty: `do` `n't` written together). */
export const SEPARATORS = [' ', ' ', ' ', '  ', '\t', '\n', '', ' \n ', '\r\n'];

/**
 * Label names: plain, lower case, with spaces, commas, quotes, tabs, accents, CJK, formula starters
 * and names that look like IOB tags. Target renaming rules (Comprehend, Vertex, Azure) and
 * whitespace replacement must handle each one and report the change.
 */
export const LABEL_NAMES = [
  'PER',
  'LOC',
  'ORG',
  'misc',
  'Date Time',
  'B-ish',
  'I-x',
  'a,b',
  'say "hi"',
  'Café',
  '日本',
  'tab\there',
  '=SUM(A1)',
  'x',
  'X_1',
  'O',
];

/** Other JSON values that ride along (comments, metadata values, nested answers). */
export const jsonLeafArb: fc.Arbitrary<string | number | boolean | null> = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.boolean(),
  fc.constant(null),
);
