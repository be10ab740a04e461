import type { Document, LabeledBy, LabelStatus, Span } from '../../model/types.js';
import { emptyDocument } from '../../model/build.js';
import { utf16Offsets, type OffsetUnit } from '../../model/offsets.js';
import { alignTokens } from '../../model/align.js';
import type { DocumentSource } from '../context.js';
import { reportDefaults, type DefaultedField } from './defaults.js';

/**
 * Token documents from formats that carry a text and character offsets into it (Comprehend entity
 * CSV + its PLAIN text, the token CSV, Vertex JSONL) instead of tokens.
 *
 * Rows are the lines of the text. These formats carry no tokens, so each line is cut at white
 * space and at annotation edges (see `tokenize`): each annotation's characters are exactly the
 * ones the file names, in whole tokens wherever the text allows. The tokenization is reported
 * (`MissingFieldDefaulted`).
 */
export interface TextAnnotation {
  /** Line the offsets count from, or -1 when they count from the start of the whole text (Vertex). */
  line: number;
  /** Offsets in `unit`, end exclusive. */
  start: number;
  end: number;
  label: string;
  status?: LabelStatus;
  labeledBy?: LabeledBy | null;
  /** Where in the file the annotation is (for messages): `record 3`, `annotation 2`. */
  where: string;
}

export interface TextSpanOptions {
  format: string;
  unit: OffsetUnit;
  /** Label-set name of the one set the format holds. */
  labelSetName: string;
  defaults: readonly DefaultedField[];
}

interface Placed {
  annotation: TextAnnotation;
  startLine: number;
  start: number;
  endLine: number;
  end: number;
}

/** The text's lines: split at `\n` (a `\r` before it stays in the line), without the empty piece after a final `\n`. */
export function textLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function textSpanDocument(text: string, annotations: readonly TextAnnotation[], source: DocumentSource, options: TextSpanOptions): Document {
  const lines = textLines(text);
  const lineStart: number[] = [];
  let at = 0;
  for (const line of lines) {
    lineStart.push(at);
    at += line.length + 1;
  }
  const placed: Placed[] = [];
  const wholeText = annotations.some((a) => a.line < 0) ? utf16Offsets(text, options.unit) : undefined;
  const perLine = new Map<number, (o: number) => number | undefined>();
  for (const annotation of annotations) {
    const place = locate(annotation);
    if (typeof place === 'string') {
      source.report?.add({ kind: 'AnnotationSkipped', text: `${options.format} ${annotation.where} ("${annotation.label}"): ${place}; left out`, place: { file: source.file } });
      continue;
    }
    placed.push(place);
  }

  const doc = emptyDocument(['TOKEN_BASED'], { name: source.documentName ?? source.file.replace(/^.*[/\\!]/, ''), cabinet: source.cabinet, project: source.project });
  if (source.project) doc.project = source.project;
  doc.id = doc.name;
  doc.source = 'TSV';
  const edges = lines.map(() => ({ starts: new Set<number>(), ends: new Set<number>() }));
  for (const p of placed) {
    edges[p.startLine].starts.add(p.start);
    edges[p.endLine].ends.add(p.end);
  }
  const tokenRanges = lines.map((line, i) => tokenize(line, edges[i]));
  // Tokens are found in the content by search (model/align.ts): one of white space alone may be
  // found in the white space before its place. Annotations on such a token are named, not misplaced.
  const misplaced = tokenRanges.map((ranges, i) => {
    const found = alignTokens(lines[i], ranges.map(([s, e]) => lines[i].slice(s, e)));
    return new Set(ranges.flatMap(([s], t) => (found[t].start === s ? [] : [s])));
  });
  doc.rows = lines.map((line, index) => ({
    index,
    cells: [{ content: line, tokens: tokenRanges[index].map(([s, e]) => line.slice(s, e)), line: index, index: 0, metadata: [] }],
    metadata: [],
  }));

  const items = new Map<string, string>();
  doc.labelSets = [{ index: 0, id: '0', name: options.labelSetName, items: [] }];
  const spans: Span[] = [];
  for (const p of placed) {
    const first = tokenRanges[p.startLine].findIndex(([s, e]) => s <= p.start && p.start < e);
    const last = tokenRanges[p.endLine].findIndex(([s, e]) => s <= p.end - 1 && p.end - 1 < e);
    if (first < 0 || last < 0) throw new Error(`text-spans: no token at an annotation edge (${p.annotation.where})`);
    const [startToken, endToken] = [tokenRanges[p.startLine][first], tokenRanges[p.endLine][last]];
    if (misplaced[p.startLine].has(startToken[0]) || misplaced[p.endLine].has(endToken[0])) {
      source.report?.add({ kind: 'AnnotationSkipped', text: `${options.format} ${p.annotation.where} ("${p.annotation.label}"): it lies in a line of white space only, which no token can hold in place; left out`, place: { file: source.file } });
      continue;
    }
    let itemId = items.get(p.annotation.label);
    if (itemId === undefined) {
      itemId = `0-${items.size}`;
      items.set(p.annotation.label, itemId);
      doc.labelSets[0].items.push({ id: itemId, labelName: p.annotation.label, parentId: null, color: null });
    }
    spans.push({
      id: String(spans.length + 1),
      layer: 0,
      labelItemId: itemId,
      labelName: p.annotation.label,
      start: { row: p.startLine, column: 0, token: first, char: p.start - startToken[0] },
      end: { row: p.endLine, column: 0, token: last, char: p.end - 1 - endToken[0] },
      counter: 0,
      status: p.annotation.status ?? 'LABELED',
      labeledBy: p.annotation.labeledBy ?? null,
    });
  }
  // Several labels on one place are told apart by their counter, as the server does.
  const seen = new Map<string, number>();
  for (const span of spans) {
    const key = `${span.start.row}:${span.start.token}:${span.end.row}:${span.end.token}`;
    span.counter = seen.get(key) ?? 0;
    seen.set(key, span.counter + 1);
  }
  doc.spans = spans;
  reportDefaults(source, options.format, [{ field: 'rows[].cells[].tokens', value: 'the line cut at white space and at annotation edges' }, ...options.defaults]);
  return doc;

  function locate(a: TextAnnotation): Placed | string {
    if (!(a.end > a.start)) return `its end offset ${a.end} is not after its start ${a.start}`;
    if (a.line >= 0) {
      if (a.line >= lines.length) return `line ${a.line} is not in the text (it has ${lines.length})`;
      let convert = perLine.get(a.line);
      if (!convert) perLine.set(a.line, (convert = utf16Offsets(lines[a.line], options.unit)));
      const [start, end] = [convert(a.start), convert(a.end)];
      if (start === undefined || end === undefined) return `offsets ${a.start}-${a.end} are outside line ${a.line} (${lines[a.line].length} characters)`;
      return { annotation: a, startLine: a.line, start, endLine: a.line, end };
    }
    const [start, end] = [wholeText!(a.start), wholeText!(a.end)];
    if (start === undefined || end === undefined) return `offsets ${a.start}-${a.end} are outside the text`;
    // A start on a line break belongs to the next line; an end just after one, to the line before.
    // Line breaks at the edges (several, across empty lines) belong to no row.
    let startLine = lineOf(start);
    let from = start - lineStart[startLine];
    while (from >= lines[startLine].length && startLine + 1 < lines.length) [startLine, from] = [startLine + 1, 0];
    let endLine = lineOf(end);
    let to = end - lineStart[endLine];
    while (to === 0 && endLine > startLine) [endLine, to] = [endLine - 1, lines[endLine - 1].length];
    if (startLine > endLine || (startLine === endLine && to <= from)) return 'it covers only a line break';
    return { annotation: a, startLine, start: from, endLine, end: to };
  }

  /** The line a UTF-16 offset into the whole text falls in (its line break counts as the line's). */
  function lineOf(offset: number): number {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStart[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/**
 * Tokens of one line as [start, end) UTF-16 ranges. A token is a run of characters that are not
 * white space; white space an annotation starts or ends in joins the nearest token (towards the
 * inside of the annotation when there is one), so every annotation edge is in a token and its
 * characters stay exactly its own. Runs are then cut at annotation edges wherever both pieces keep
 * a character that is not white space (such a token is found in place when aligned to the
 * content, model/align.ts); an edge that cannot be cut so becomes a character position inside its
 * token (the model's char-level spans).
 */
function tokenize(line: string, edges: { starts: ReadonlySet<number>; ends: ReadonlySet<number> }): Array<[number, number]> {
  const n = line.length;
  const space = (i: number) => /\s/.test(line[i]);
  const covered = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (!space(i)) covered[i] = 1;
  const join = (edge: number, inward: 1 | -1) => {
    if (edge < 0 || edge >= n || covered[edge]) return;
    // Towards the annotation's inside first, else the other way; in a line of white space only, from
    // the line's start (a token of white space is found in place only where no white space precedes it).
    for (const step of [inward, -inward]) {
      let j = edge;
      while (j >= 0 && j < n && !covered[j]) j += step;
      if (j >= 0 && j < n) {
        for (let k = edge; k !== j; k += step) covered[k] = 1;
        return;
      }
    }
    for (let k = 0; k <= edge; k++) covered[k] = 1;
  };
  for (const s of edges.starts) join(s, 1);
  for (const e of edges.ends) join(e - 1, -1);
  const tokens: Array<[number, number]> = [];
  for (let i = 0; i < n; ) {
    if (!covered[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && covered[j]) j++;
    tokens.push([i, j]);
    i = j;
  }
  const cuts = [...new Set([...edges.starts, ...edges.ends])].sort((a, b) => a - b);
  const hasText = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (!space(k)) return true;
    return false;
  };
  const out: Array<[number, number]> = [];
  for (const [start, end] of tokens) {
    let from = start;
    for (const cut of cuts) {
      if (cut <= from || cut >= end) continue;
      if (hasText(from, cut) && hasText(cut, end)) {
        out.push([from, cut]);
        from = cut;
      }
    }
    out.push([from, end]);
  }
  return out;
}
