import { isString, isWhole, jsonObjectLines } from './json-lines.js';
import { IssueList, type LintResult } from './types.js';

/**
 * Prodigy/spaCy JSONL (SPACY_JSONL): `text`; `tokens` with `start`/`end` that slice `text` (code
 * points, as Python indexes) to the token's `text`, `id` = position, increasing and not
 * overlapping; `spans` with `start`/`end` on token boundaries (`doc.char_span` returns None
 * otherwise), `token_start` ≤ `token_end` naming the tokens at those boundaries, and a label.
 * Overlapping spans are a warning (spaCy's `doc.ents` refuses them; span groups take them).
 */
export function lintSpacyJsonl(text: string): LintResult {
  const list = new IssueList();
  const counts = { records: 0, tokens: 0, spans: 0 };
  for (const { line, value } of jsonObjectLines(text, list, 'spacy/json-line')) {
    counts.records++;
    if (!isString(value.text)) {
      list.add('error', line, 'spacy/text', '"text" must be a string');
      continue;
    }
    const points = Array.from(value.text);
    const tokens = Array.isArray(value.tokens) ? (value.tokens as Array<Record<string, unknown>>) : [];
    if (!Array.isArray(value.tokens)) list.add('error', line, 'spacy/tokens', '"tokens" must be a list');
    let previousEnd = 0;
    tokens.forEach((t, i) => {
      counts.tokens++;
      if (!isWhole(t.start) || !isWhole(t.end) || t.start > t.end || t.end > points.length) {
        list.add('error', line, 'spacy/token-offsets', `token ${i}: start/end must be integers inside the text`);
        return;
      }
      if (t.id !== i) list.add('error', line, 'spacy/token-id', `token ${i} has id ${JSON.stringify(t.id)}`);
      if (t.start < previousEnd) list.add('error', line, 'spacy/token-order', `token ${i} starts before the previous token ends`);
      if (points.slice(t.start, t.end).join('') !== t.text) list.add('warning', line, 'spacy/token-text', `token ${i}: text[${t.start}:${t.end}] is not "${String(t.text)}"`);
      if (typeof t.ws !== 'boolean') list.add('error', line, 'spacy/token-ws', `token ${i}: "ws" must be true or false`);
      previousEnd = t.end;
    });
    const spans = Array.isArray(value.spans) ? (value.spans as Array<Record<string, unknown>>) : [];
    if (value.spans !== undefined && !Array.isArray(value.spans)) list.add('error', line, 'spacy/spans', '"spans" must be a list');
    const placed: Array<[number, number]> = [];
    spans.forEach((s, i) => {
      counts.spans++;
      if (!isString(s.label) || s.label === '') list.add('error', line, 'spacy/span-label', `span ${i} has no label`);
      const first = isWhole(s.token_start) ? tokens[s.token_start] : undefined;
      const last = isWhole(s.token_end) ? tokens[s.token_end] : undefined;
      if (!first || !last || (s.token_end as number) < (s.token_start as number)) {
        list.add('error', line, 'spacy/span-tokens', `span ${i}: token_start/token_end must name tokens, start ≤ end`);
        return;
      }
      if (s.start !== first.start || s.end !== last.end) list.add('error', line, 'spacy/span-boundary', `span ${i}: [${String(s.start)}, ${String(s.end)}) is not on its tokens' boundaries [${String(first.start)}, ${String(last.end)})`);
      const range: [number, number] = [s.token_start as number, s.token_end as number];
      if (placed.some(([a, b]) => range[0] <= b && a <= range[1])) list.add('warning', line, 'spacy/overlap', `span ${i} overlaps another span (fine for span groups, refused by doc.ents)`);
      placed.push(range);
    });
  }
  if (counts.records === 0) list.add('error', 0, 'spacy/empty', 'no record');
  return { issues: list.issues, counts };
}
