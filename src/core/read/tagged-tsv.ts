import type { Document, LabelSet, Span } from '../model/types.js';
import { emptyDocument } from '../model/build.js';
import { InputError } from '../errors.js';
import type { DocumentSource } from './context.js';

export interface TaggedTsvOptions {
  /**
   * `iob`: tags carry scheme prefixes (TSV_IOB and public IOB data); `plain`: bare label names
   * (TSV_NON_IOB). `auto` (default): `iob` when every tag other than `O` has a prefix of the scheme.
   */
  tags?: 'auto' | 'iob' | 'plain';
  /** Which prefixes the IOB tags use; decides which `X-` prefixes are read as prefixes. Default IOB2. */
  scheme?: 'IOB2' | 'IOB1' | 'IOBES' | 'BILOU';
  /** Plain tags: one span per run of equal tags (`run`, NER-style, default) or per token (`token`, POS-style). */
  plainSpans?: 'run' | 'token';
}

/** Prefixes that open a new span, continue one, or close it, per scheme. */
const PREFIXES: Record<NonNullable<TaggedTsvOptions['scheme']>, { begin: string[]; inside: string[]; single: string[]; end: string[] }> = {
  IOB2: { begin: ['B'], inside: ['I'], single: [], end: [] },
  IOB1: { begin: ['B'], inside: ['I'], single: [], end: [] },
  IOBES: { begin: ['B'], inside: ['I'], single: ['S'], end: ['E'] },
  BILOU: { begin: ['B'], inside: ['I'], single: ['U'], end: ['L'] },
};

/**
 * Reads the token-per-line TSV that TSV_IOB / TSV_NON_IOB write (and public IOB data sets use):
 * `token<TAB>tag[<TAB>tag…]`, a blank line after each row. Each tag column becomes a label set
 * (items in first-seen order), each row a row whose content is its tokens joined by one space.
 * Decoding is lenient the way seqeval is: an `I-X` that does not continue an `X` span starts one.
 * CRLF and a BOM are accepted; several blank lines in a row count as one row break. A file
 * without any tab is read as space-separated CoNLL (`token label`, what AZURE_AUTOML_CSV writes).
 */
export function readTaggedTsv(text: string, source: DocumentSource, options: TaggedTsvOptions = {}): Document {
  const prefixes = PREFIXES[options.scheme ?? 'IOB2'];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const separator = body.includes('\t') ? '\t' : ' ';
  const rows: Array<{ tokens: string[]; tags: string[][] }> = [];
  let current: { tokens: string[]; tags: string[][] } | undefined;
  let columnCount: number | undefined;
  // A hand-rolled line walk: large IOB files have millions of lines, and split() per line plus
  // per-field arrays made the garbage collector the main cost.
  let lineNumber = 0;
  for (let at = 0; at < body.length; ) {
    lineNumber++;
    let next = body.indexOf('\n', at);
    if (next < 0) next = body.length;
    const line = body.charCodeAt(next - 1) === 13 && next > at ? body.slice(at, next - 1) : body.slice(at, next);
    at = next + 1;
    if (line === '') {
      current = undefined;
      continue;
    }
    let cut = line.indexOf(separator);
    if (cut < 0) {
      throw new InputError('BAD_TSV', 'a token line has no tag', { file: source.file, where: `line ${lineNumber}`, expected: 'token<TAB>tag (or "token tag" in a file without tabs), or an empty line between rows' });
    }
    const token = line.slice(0, cut);
    const tags: string[] = [];
    while (cut >= 0) {
      const end = line.indexOf(separator, cut + 1);
      tags.push(end < 0 ? line.slice(cut + 1) : line.slice(cut + 1, end));
      cut = end;
    }
    columnCount ??= tags.length;
    if (tags.length !== columnCount) {
      throw new InputError('BAD_TSV', `the line has ${tags.length} tag column(s), earlier lines have ${columnCount}`, { file: source.file, where: `line ${lineNumber}`, expected: `${columnCount} tag column(s)` });
    }
    if (!current) {
      current = { tokens: [], tags: Array.from({ length: columnCount }, () => []) };
      rows.push(current);
    }
    current.tokens.push(token);
    for (let c = 0; c < tags.length; c++) current.tags[c].push(tags[c]);
  }
  if (rows.length === 0) throw new InputError('EMPTY_INPUT', 'the TSV file holds no token lines', { file: source.file, expected: 'token<TAB>tag lines' });

  const name = source.documentName ?? source.file.replace(/^.*[/\\!]/, '');
  const doc = emptyDocument(['TOKEN_BASED'], { name, cabinet: source.cabinet, project: source.project });
  if (source.project) doc.project = source.project;
  doc.id = name;
  doc.source = 'TSV';
  doc.rows = rows.map((row, index) => ({
    index,
    cells: [{ content: row.tokens.join(' '), tokens: row.tokens, line: index, index: 0, metadata: [] }],
    metadata: [],
  }));

  const tagsKind = options.tags === 'iob' || options.tags === 'plain' ? options.tags : detectTags(rows, prefixes);
  const sets: LabelSet[] = Array.from({ length: columnCount ?? 0 }, (_, index) => ({ index, id: String(index), name: `Column ${index + 1}`, items: [] }));
  const spans: Span[] = [];
  rows.forEach((row, r) => {
    sets.forEach((set, c) => {
      for (const run of decodeRuns(row.tags[c], tagsKind, prefixes, options.plainSpans ?? 'run')) {
        let item = set.items.find((i) => i.labelName === run.label);
        if (!item) {
          item = { id: `${c}-${set.items.length}`, labelName: run.label, parentId: null, color: null };
          set.items.push(item);
        }
        spans.push({
          id: String(spans.length + 1),
          layer: c,
          labelItemId: item.id,
          labelName: run.label,
          start: { row: r, column: 0, token: run.start, char: 0 },
          end: { row: r, column: 0, token: run.end, char: Math.max(0, row.tokens[run.end].length - 1) },
          counter: 0,
          status: 'LABELED',
          labeledBy: null,
        });
      }
    });
  });
  doc.labelSets = sets;
  doc.spans = spans;
  return doc;
}

/** IOB when every tag other than `O` starts with one of the scheme's prefixes and a dash. */
function detectTags(rows: Array<{ tags: string[][] }>, prefixes: (typeof PREFIXES)['IOB2']): 'iob' | 'plain' {
  const known = new Set([...prefixes.begin, ...prefixes.inside, ...prefixes.single, ...prefixes.end]);
  for (const row of rows) {
    for (const column of row.tags) {
      for (const tag of column) {
        if (tag === 'O' || tag === '') continue;
        const dash = tag.indexOf('-');
        if (dash <= 0 || dash === tag.length - 1 || !known.has(tag.slice(0, dash))) return 'plain';
      }
    }
  }
  return 'iob';
}

interface Run {
  start: number;
  end: number;
  label: string;
}

function decodeRuns(tags: string[], kind: 'iob' | 'plain', prefixes: (typeof PREFIXES)['IOB2'], plainSpans: 'run' | 'token'): Run[] {
  const runs: Run[] = [];
  let open: Run | undefined;
  tags.forEach((tag, t) => {
    if (tag === 'O' || tag === '') {
      open = undefined;
      return;
    }
    if (kind === 'plain') {
      if (plainSpans === 'run' && open && open.label === tag && open.end === t - 1) open.end = t;
      else runs.push((open = { start: t, end: t, label: tag }));
      return;
    }
    const dash = tag.indexOf('-');
    const prefix = dash > 0 ? tag.slice(0, dash) : '';
    const known = [...prefixes.begin, ...prefixes.inside, ...prefixes.single, ...prefixes.end].includes(prefix);
    const label = known ? tag.slice(dash + 1) : tag;
    const continues = !prefixes.begin.includes(prefix) && !prefixes.single.includes(prefix) && open !== undefined && open.label === label && open.end === t - 1;
    if (continues) open!.end = t;
    else runs.push((open = { start: t, end: t, label }));
    if (prefixes.single.includes(prefix) || prefixes.end.includes(prefix)) open = undefined;
  });
  return runs;
}
