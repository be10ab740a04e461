import { InputError } from '../../errors.js';
import { emptyDocument } from '../../model/build.js';
import type { Document, LabelSet, Span } from '../../model/types.js';
import type { DocumentSource } from '../context.js';
import { SCORE, type TextReader } from '../detect.js';
import { firstJsonLine } from './json-lines-head.js';
import { TOKEN_FORMAT_DEFAULTS, reportDefaults } from './defaults.js';

interface SpacyRecord {
  text?: unknown;
  tokens?: Array<{ text?: unknown }>;
  spans?: Array<{ token_start?: unknown; token_end?: unknown; label?: unknown }>;
}

/**
 * SPACY_JSONL (Prodigy/spaCy JSONL, what our writer writes): one line per row, `text` the row's
 * content, `tokens[].text` its tokens (tokens are the truth: offsets are not needed to place a
 * span), `spans` by `token_start`/`token_end` (inclusive) and `label`. One label set, its items in
 * first-seen order. A line without tokens or with a span outside them is an input error naming the line.
 */
export const spacyJsonlInput: TextReader = {
  format: 'SPACY_JSONL',
  layout: '',
  extensions: ['.jsonl'],
  sniff(head) {
    const record = firstJsonLine(head);
    if (typeof record?.text === 'string' && Array.isArray(record.tokens) && Array.isArray(record.spans)) return { score: SCORE.SIGNATURE, because: 'JSON lines with text, tokens and spans (Prodigy)' };
    return null;
  },
  read: (input, source) => readSpacyJsonl(input.text, source),
};

export function readSpacyJsonl(text: string, source: DocumentSource): Document {
  const name = source.documentName ?? source.file.replace(/^.*[/\\!]/, '');
  const doc = emptyDocument(['TOKEN_BASED'], { name, cabinet: source.cabinet, project: source.project });
  if (source.project) doc.project = source.project;
  doc.id = name;
  const set: LabelSet = { index: 0, id: '0', name: 'Column 1', items: [] };
  const itemOf = (label: string) => {
    let item = set.items.find((i) => i.labelName === label);
    if (!item) set.items.push((item = { id: String(set.items.length), labelName: label, parentId: null, color: null }));
    return item;
  };
  const spans: Span[] = [];
  text.split('\n').forEach((raw, lineIndex) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    const where = `line ${lineIndex + 1}`;
    let record: SpacyRecord;
    try {
      record = JSON.parse(line) as SpacyRecord;
    } catch (error) {
      throw new InputError('NOT_JSON', 'the line is not JSON', { file: source.file, where, cause: error });
    }
    if (typeof record.text !== 'string' || !Array.isArray(record.tokens) || !record.tokens.every((t) => typeof t?.text === 'string')) {
      throw new InputError('INVALID_DOCUMENT', 'a SPACY_JSONL line needs "text" and "tokens" with their "text"', { file: source.file, where, expected: '{"text", "tokens": [{"text", …}], "spans": […]}' });
    }
    const row = doc.rows.length;
    const tokens = record.tokens.map((t) => t.text as string);
    doc.rows.push({ index: row, cells: [{ content: record.text, tokens, line: row, index: 0, metadata: [] }], metadata: [] });
    for (const span of record.spans ?? []) {
      const { token_start: first, token_end: last, label } = span;
      if (!Number.isInteger(first) || !Number.isInteger(last) || (first as number) < 0 || (last as number) < (first as number) || (last as number) >= tokens.length || typeof label !== 'string') {
        throw new InputError('POSITION_OUT_OF_RANGE', 'a span does not name tokens of its line', { file: source.file, where, expected: `token_start ≤ token_end < ${tokens.length}, and a label` });
      }
      const item = itemOf(label);
      spans.push({
        id: String(spans.length + 1),
        layer: 0,
        labelItemId: item.id,
        labelName: label,
        start: { row, column: 0, token: first as number, char: 0 },
        end: { row, column: 0, token: last as number, char: Math.max(0, tokens[last as number].length - 1) },
        counter: 0,
        status: 'LABELED',
        labeledBy: null,
      });
    }
  });
  if (doc.rows.length === 0) throw new InputError('EMPTY_INPUT', 'the file holds no record', { file: source.file, expected: 'one JSON object per line' });
  doc.labelSets = [set];
  doc.spans = spans;
  reportDefaults(source, 'SPACY_JSONL', TOKEN_FORMAT_DEFAULTS);
  return doc;
}
