import type { Document, LabelSet, Span } from '../model/types.js';
import { emptyDocument } from '../model/build.js';
import { InputError } from '../errors.js';
import type { MessageKind } from '../report/kinds.js';
import type { DocumentSource } from './context.js';

export type IobSchemeName = 'IOB2' | 'IOB1' | 'IOBES' | 'BILOU';

export interface TaggedTsvOptions {
  /**
   * `iob`: tags carry scheme prefixes (TSV_IOB, CoNLL, public IOB data); `plain`: bare label names
   * (TSV_NON_IOB). `auto` (default): decided per tag column, `iob` when at least as many of its
   * tags other than `O` have a scheme prefix as not (one stray tag does not turn a column plain).
   */
  tags?: 'auto' | 'iob' | 'plain';
  /**
   * Which prefixes the IOB tags use. Given, only that scheme's letters are prefixes; by default
   * B, I, E, S, L and U all are, and the scheme is recognised per column (for the report only:
   * decoding is the same for all, IOB1 and IOB2 differ only in when they write `B-`).
   */
  scheme?: IobSchemeName;
  /** Plain tags: one span per run of equal tags (`run`, NER-style, default) or per token (`token`, POS-style). */
  plainSpans?: 'run' | 'token';
  /** Field separator; default a tab when the file has one, else a space (CoNLL as AZURE_AUTOML_CSV writes it). */
  separator?: '\t' | ' ';
  /** The format name the file is read as, for messages (`TSV_IOB`, `CONLL_2003`). */
  format?: string;
}

const SCHEME_PREFIXES: Record<IobSchemeName, readonly string[]> = {
  IOB2: ['B', 'I'],
  IOB1: ['B', 'I'],
  IOBES: ['B', 'I', 'E', 'S'],
  BILOU: ['B', 'I', 'L', 'U'],
};
const ALL_PREFIXES = ['B', 'I', 'E', 'S', 'L', 'U'];
/** Prefixes that end a span on their token (E/L) or are a span by themselves (S/U). */
const CLOSING = new Set(['E', 'L']);
const SINGLE = new Set(['S', 'U']);

/** A CoNLL document separator line (`-DOCSTART- -X- -X- O`): not a token. */
const DOCSTART = '-DOCSTART-';

/** At most this many repairs of one kind are listed per column; the rest are counted in one message. */
const LISTED_REPAIRS = 100;

interface TaggedRow {
  tokens: string[];
  /** Tags per column. */
  tags: string[][];
  /** 1-based line of the first token (tokens of a row are on consecutive lines). */
  line: number;
}

/**
 * Reads the token-per-line files that TSV_IOB / TSV_NON_IOB / AZURE_AUTOML_CSV write and public
 * IOB/CoNLL data use: `token<SEP>tag[<SEP>tag…]`, a blank line after each sentence, each sentence
 * a row whose content is its tokens joined by one space, each tag column a label set (items in
 * first-seen order). CRLF and a BOM are accepted; several blank lines count as one break;
 * `-DOCSTART-` lines separate documents and are not tokens.
 *
 * IOB is read leniently, each repair named with its line (warnings, so `--strict` refuses them):
 * a token without a tag reads as `O` (`TagMissing`); a tag without prefix continues a span of its
 * label or starts one, as IOB1 would (`TagPrefixMissing`); `I-` after `O` or another label starts
 * a span (`SpanStartedByI`, not reported in an IOB1 column, where that is the rule); a prefix
 * without label, an unknown or a lower-case prefix is `TagMalformed` and read as stated there.
 */
export function readTaggedTsv(text: string, source: DocumentSource, options: TaggedTsvOptions = {}): Document {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const separator = options.separator ?? (body.includes('\t') ? '\t' : ' ');
  const columnCount = tagColumnCount(body, separator);
  const repairs = new RepairLog(source, options.format ?? 'tagged text');
  const rows: TaggedRow[] = [];
  let current: TaggedRow | undefined;
  // A hand-rolled line walk: large IOB files have millions of lines, and split() per line plus
  // per-field arrays made the garbage collector the main cost.
  let lineNumber = 0;
  for (let at = 0; at < body.length; ) {
    lineNumber++;
    let next = body.indexOf('\n', at);
    if (next < 0) next = body.length;
    const line = body.charCodeAt(next - 1) === 13 && next > at ? body.slice(at, next - 1) : body.slice(at, next);
    at = next + 1;
    if (line === '' || (separator === ' ' && line.trim() === '')) {
      current = undefined;
      continue;
    }
    let cut = line.indexOf(separator);
    const token = cut < 0 ? line : line.slice(0, cut);
    if (token === DOCSTART) {
      current = undefined;
      continue;
    }
    if (!current) {
      current = { tokens: [], tags: Array.from({ length: columnCount }, () => []), line: lineNumber };
      rows.push(current);
    }
    current.tokens.push(token);
    let column = 0;
    while (cut >= 0) {
      const end = line.indexOf(separator, cut + 1);
      const tag = end < 0 ? line.slice(cut + 1) : line.slice(cut + 1, end);
      if (column >= columnCount) {
        throw new InputError('BAD_TSV', `the line has more than ${columnCount} tag column(s), the other lines have ${columnCount}`, {
          file: source.file,
          where: `line ${lineNumber}`,
          expected: `token${separator === '\t' ? '<TAB>' : ' '}tag with ${columnCount} tag column(s)`,
        });
      }
      if (tag === '') repairs.add('TagMissing', column, lineNumber, `an empty tag was read as O`);
      current.tags[column++].push(tag === '' ? 'O' : tag);
      cut = end;
    }
    if (column < columnCount) {
      repairs.add('TagMissing', column, lineNumber, column === 0 ? `token "${token}" has no tag; read as O` : `token "${token}" has ${column} of ${columnCount} tags; the missing ones read as O`);
      while (column < columnCount) current.tags[column++].push('O');
    }
  }
  // No token line (what TSV_IOB writes for a document without tokens): an empty document.

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

  const sets: LabelSet[] = Array.from({ length: columnCount }, (_, index) => ({ index, id: String(index), name: `Column ${index + 1}`, items: [] }));
  const spans: Span[] = [];
  for (let c = 0; c < columnCount; c++) {
    const kind = options.tags === 'iob' || options.tags === 'plain' ? options.tags : columnTagKind(rows, c, options.scheme);
    const decoder = kind === 'iob' ? new IobDecoder(c, options.scheme, repairs) : null;
    const set = sets[c];
    const items = new Map<string, string>();
    rows.forEach((row, r) => {
      const runs = decoder ? decoder.decode(row.tags[c], row.line) : plainRuns(row.tags[c], options.plainSpans ?? 'run');
      for (const run of runs) {
        let itemId = items.get(run.label);
        if (itemId === undefined) {
          itemId = `${c}-${set.items.length}`;
          items.set(run.label, itemId);
          set.items.push({ id: itemId, labelName: run.label, parentId: null, color: null });
        }
        spans.push({
          id: String(spans.length + 1),
          layer: c,
          labelItemId: itemId,
          labelName: run.label,
          start: { row: r, column: 0, token: run.start, char: 0 },
          end: { row: r, column: 0, token: run.end, char: Math.max(0, row.tokens[run.end].length - 1) },
          counter: 0,
          status: 'LABELED',
          labeledBy: null,
        });
      }
    });
    if (decoder) repairs.finishColumn(c, decoder.scheme());
  }
  repairs.flush();
  doc.labelSets = sets;
  doc.spans = spans;
  return doc;
}

/**
 * Tag columns of the file: the most common field count of the first lines, minus the token. A
 * line with fewer is missing tags (read as O); a line with more is an error (which field is the
 * token's and which a tag's cannot be told).
 */
function tagColumnCount(body: string, separator: string): number {
  // No line at all: one tag column, as the writers write a document without label sets.
  const counts = new Map<number, number>();
  let seen = 0;
  for (let at = 0; at < body.length && seen < 500; ) {
    let next = body.indexOf('\n', at);
    if (next < 0) next = body.length;
    const line = body.slice(at, body.charCodeAt(next - 1) === 13 ? next - 1 : next);
    at = next + 1;
    if (line.trim() === '' || line.startsWith(DOCSTART)) continue;
    let fields = 1;
    for (let i = line.indexOf(separator); i >= 0; i = line.indexOf(separator, i + 1)) fields++;
    counts.set(fields, (counts.get(fields) ?? 0) + 1);
    seen++;
  }
  let best = 2;
  let bestCount = 0;
  for (const [fields, count] of counts) {
    if (count > bestCount || (count === bestCount && fields > best)) [best, bestCount] = [fields, count];
  }
  return Math.max(1, best - 1);
}

/** How a tag splits into prefix and label, and what is wrong with it. */
export interface ParsedTag {
  /** Upper-case scheme letter, or '' for none. */
  prefix: string;
  label: string;
  problem?: 'no-prefix' | 'no-label' | 'lower-case' | 'unknown-prefix';
}

export function parseTag(tag: string, prefixes: readonly string[] = ALL_PREFIXES): ParsedTag {
  const dash = tag.indexOf('-');
  if (dash <= 0) return { prefix: '', label: tag, problem: 'no-prefix' };
  const prefix = tag.slice(0, dash);
  const label = tag.slice(dash + 1);
  if (prefixes.includes(prefix)) return label === '' ? { prefix, label, problem: 'no-label' } : { prefix, label };
  if (prefixes.includes(prefix.toUpperCase())) return label === '' ? { prefix: prefix.toUpperCase(), label, problem: 'no-label' } : { prefix: prefix.toUpperCase(), label, problem: 'lower-case' };
  // One letter and a dash is a prefix that is not a scheme's (`X-FOO`); a longer head is part of a bare label (`CO-WORKER`).
  if (prefix.length === 1) return { prefix: '', label: tag, problem: 'unknown-prefix' };
  return { prefix: '', label: tag, problem: 'no-prefix' };
}

/**
 * `iob` when at least as many of the column's non-O tags look prefixed as not: a malformed prefix
 * (`B-`, `b-PER`, `X-FOO`) is an IOB tag gone wrong, a bare name (`NN`, `-LRB-`) is not.
 */
function columnTagKind(rows: readonly TaggedRow[], column: number, scheme: IobSchemeName | undefined): 'iob' | 'plain' {
  const prefixes = scheme ? SCHEME_PREFIXES[scheme] : ALL_PREFIXES;
  let prefixed = 0;
  let bare = 0;
  for (const row of rows) {
    for (const tag of row.tags[column]) {
      if (tag === 'O') continue;
      if (parseTag(tag, prefixes).problem === 'no-prefix') bare++;
      else prefixed++;
    }
  }
  return prefixed > 0 && prefixed >= bare ? 'iob' : 'plain';
}

interface Run {
  start: number;
  end: number;
  label: string;
}

function plainRuns(tags: readonly string[], plainSpans: 'run' | 'token'): Run[] {
  const runs: Run[] = [];
  let open: Run | undefined;
  tags.forEach((tag, t) => {
    if (tag === 'O') {
      open = undefined;
      return;
    }
    if (plainSpans === 'run' && open && open.label === tag && open.end === t - 1) open.end = t;
    else runs.push((open = { start: t, end: t, label: tag }));
  });
  return runs;
}

/** Decodes one IOB column row by row, logging each repair, and tells which scheme the column used. */
class IobDecoder {
  private readonly prefixes: readonly string[];
  private readonly seen = new Set<string>();
  /** Spans opened by B- after O/another label, and by I- there (IOB1 opens with I-). */
  private openedByB = 0;
  private openedByI = 0;

  constructor(
    private readonly column: number,
    private readonly given: IobSchemeName | undefined,
    private readonly repairs: RepairLog,
  ) {
    this.prefixes = given ? SCHEME_PREFIXES[given] : ALL_PREFIXES;
  }

  decode(tags: readonly string[], firstLine: number): Run[] {
    const runs: Run[] = [];
    let open: Run | undefined;
    for (let t = 0; t < tags.length; t++) {
      const tag = tags[t];
      if (tag === 'O') {
        open = undefined;
        continue;
      }
      const line = firstLine + t;
      const parsed = parseTag(tag, this.prefixes);
      let { prefix } = parsed;
      const { label } = parsed;
      switch (parsed.problem) {
        case 'no-label':
          this.repairs.add('TagMalformed', this.column, line, `tag "${tag}" has a prefix but no label; read as O`);
          open = undefined;
          continue;
        case 'lower-case':
          this.repairs.add('TagMalformed', this.column, line, `tag "${tag}" has a lower-case prefix; read as "${prefix}-${label}"`);
          break;
        case 'unknown-prefix':
          this.repairs.add('TagMalformed', this.column, line, `tag "${tag}" has no ${this.prefixes.join('/')} prefix; read as the label "${label}" (continuing a span of it, else starting one)`);
          break;
        case 'no-prefix':
          this.repairs.add('TagPrefixMissing', this.column, line, `tag "${tag}" has no ${this.prefixes.join('/')} prefix; read as IOB1 would (continuing a span of "${label}", else starting one)`);
          break;
      }
      if (prefix !== '') this.seen.add(prefix);
      const continues = open !== undefined && open.label === label && open.end === t - 1;
      if (prefix === '') prefix = continues ? 'I' : 'B';
      if (prefix === 'B' || SINGLE.has(prefix) || !continues) {
        if (prefix !== 'B' && !SINGLE.has(prefix)) {
          this.openedByI++;
          this.repairs.add('SpanStartedByI', this.column, line, `tag "${tag}" does not continue a span of "${label}"; it starts one`);
        } else if (prefix === 'B' && !continues) this.openedByB++;
        runs.push((open = { start: t, end: t, label }));
      } else open!.end = t;
      if (SINGLE.has(prefix) || CLOSING.has(prefix)) open = undefined;
    }
    return runs;
  }

  /** The scheme the column follows: IOB1 opens spans with I- (and never B- after O); E/S or L/U name theirs. */
  scheme(): IobSchemeName {
    if (this.given) return this.given;
    if (this.seen.has('E') || this.seen.has('S')) return 'IOBES';
    if (this.seen.has('L') || this.seen.has('U')) return 'BILOU';
    return this.openedByI > 0 && this.openedByB === 0 ? 'IOB1' : 'IOB2';
  }
}

/**
 * Repairs are kept per column until its scheme is known (an I- opening a span is the rule in IOB1,
 * a repair elsewhere), then reported: the first LISTED_REPAIRS of each kind by line, the rest
 * counted in one message, so a damaged million-line file does not make a million messages.
 */
class RepairLog {
  private pending: Array<{ kind: MessageKind; column: number; line: number; text: string }> = [];
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly source: DocumentSource,
    private readonly format: string,
  ) {}

  add(kind: MessageKind, column: number, line: number, text: string): void {
    const key = `${kind}:${column}`;
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    if (count <= LISTED_REPAIRS) this.pending.push({ kind, column, line, text });
  }

  finishColumn(column: number, scheme: IobSchemeName): void {
    if (scheme !== 'IOB1') return;
    // IOB1 opens every span that does not follow one of its label with I-: not a repair there.
    this.pending = this.pending.filter((p) => !(p.column === column && p.kind === 'SpanStartedByI'));
    this.counts.delete(`SpanStartedByI:${column}`);
  }

  flush(): void {
    const report = this.source.report;
    if (!report) return;
    for (const p of this.pending.sort((a, b) => a.line - b.line || a.column - b.column)) {
      report.add({ kind: p.kind, text: `${this.format}, tag column ${p.column + 1}: ${p.text}`, place: { file: this.source.file, line: p.line } });
    }
    for (const [key, count] of this.counts) {
      if (count <= LISTED_REPAIRS) continue;
      const [kind, column] = key.split(':');
      report.add({ kind: kind as MessageKind, text: `${this.format}, tag column ${Number(column) + 1}: ${count - LISTED_REPAIRS} more repairs of this kind (the first ${LISTED_REPAIRS} are listed by line)`, place: { file: this.source.file } });
    }
  }
}
