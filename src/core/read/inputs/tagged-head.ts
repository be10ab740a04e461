import { looksLikeJson, type InputHead } from '../detect.js';
import { parseTag } from '../tagged-tsv.js';

/** What the head of a file looks like when read as token lines (`token<SEP>tag…`, blank lines between sentences). */
export interface TaggedShape {
  separator: '\t' | ' ';
  /** Fields per line (token + tags): the most common count among the non-blank lines looked at. */
  fields: number;
  /** Share of non-blank lines with that count. */
  consistent: number;
  /** Share of non-blank lines with more fields than that (a token line may miss a tag, not have an extra one). */
  wider: number;
  /** Non-blank lines looked at. */
  lines: number;
  /** Sentences (blank-line separated blocks) seen, and whether a blank line ends one. */
  sentences: number;
  blankLines: boolean;
  docstart: boolean;
  /** Among tags other than O: share that look prefixed (B-, I-, E-, S-, L-, U-, or a malformed prefix). */
  prefixedShare: number;
  /** Share of all tags that are O. */
  outsideShare: number;
  /** The first line ends in CRLF. */
  crlf: boolean;
  /** Share of lines whose token field holds a space (tab-separated files): tokens do not, table cells do. */
  spacedTokens: number;
}

/** The shape, computed once per file (every token-tag sniffer asks for it). */
export function taggedShape(head: InputHead): TaggedShape | null {
  // A JSON head is no token file: answered before the memo, which JSON documents then never need.
  if (looksLikeJson(head)) return null;
  return head.memo('taggedShape', computeShape);
}

function computeShape(head: InputHead): TaggedShape | null {
  const separator = head.text.includes('\t') ? '\t' : ' ';
  const counts = new Map<number, number>();
  let lines = 0;
  let sentences = 0;
  let inSentence = false;
  let blankLines = false;
  let docstart = false;
  let tags = 0;
  let outside = 0;
  let prefixed = 0;
  let spaced = 0;
  for (const line of head.lines) {
    // As the reader reads: in a tab-separated file only an empty line is blank (`\t` is a token line, or a record of empty cells).
    if (separator === '\t' ? line === '' : line.trim() === '') {
      if (inSentence) blankLines = true;
      inSentence = false;
      continue;
    }
    const fields = separator === ' ' ? line.trim().split(/ +/) : line.split('\t');
    if (fields[0] === '-DOCSTART-') {
      docstart = true;
      inSentence = false;
      continue;
    }
    if (!inSentence) sentences++;
    inSentence = true;
    lines++;
    counts.set(fields.length, (counts.get(fields.length) ?? 0) + 1);
    if (separator === '\t' && fields[0].includes(' ')) spaced++;
    for (let i = 1; i < fields.length; i++) {
      tags++;
      if (fields[i] === 'O') outside++;
      else if (parseTag(fields[i]).problem !== 'no-prefix') prefixed++;
    }
  }
  if (lines === 0) return null;
  let fields = 0;
  let most = 0;
  for (const [n, c] of counts) if (c > most || (c === most && n > fields)) [fields, most] = [n, c];
  return {
    separator,
    fields,
    consistent: most / lines,
    wider: [...counts].reduce((n, [width, c]) => (width > fields ? n + c : n), 0) / lines,
    lines,
    sentences,
    blankLines,
    docstart,
    prefixedShare: tags - outside > 0 ? prefixed / (tags - outside) : 0,
    outsideShare: tags > 0 ? outside / tags : 0,
    spacedTokens: spaced / lines,
    crlf: /^[^\n]*\r\n/.test(head.text),
  };
}

/**
 * Whether the lines look like tokens with tags at all: at least one tag column, mostly the same
 * width (a line missing its tag is a repair, not another layout), tokens without spaces.
 */
export function isTokenLines(shape: TaggedShape | null): shape is TaggedShape {
  return shape !== null && shape.fields >= 2 && shape.consistent >= 0.75 && shape.wider <= 0.02 && shape.spacedTokens <= 0.05;
}

/** "3 sentences, 2 tag columns" — the evidence in words. */
export function describeShape(shape: TaggedShape): string {
  const columns = shape.fields - 1;
  const parts = [`token lines with ${columns} tag column${columns === 1 ? '' : 's'}${shape.separator === ' ' ? ' (space separated)' : ''}`];
  if (shape.blankLines) parts.push('blank lines between sentences');
  else parts.push('no blank line between sentences in the first lines');
  if (shape.prefixedShare > 0) parts.push(`${Math.round(shape.prefixedShare * 100)}% of the tags other than O have B-/I- style prefixes`);
  else if (shape.outsideShare === 1) parts.push('every tag is O');
  else parts.push('tags without B-/I- prefixes');
  return parts.join(', ');
}
