import { IssueList, type LintResult } from './types.js';
import { readCsvRecords } from './csv-records.js';

/**
 * Azure ML AutoML text-classification CSV as FORMATS.md §4 writes it: header `text,labels`, two
 * columns, non-empty text, and labels as a non-empty Python list of string literals
 * (`['a','b']`, the multi-label form Azure parses).
 */
export function lintAzureClassifier(text: string): LintResult {
  const list = new IssueList();
  const { records, issues } = readCsvRecords(text);
  const labelNames = new Set<string>();
  for (const i of issues) list.add('error', i.line, 'azure-classifier/csv', i.message);
  const [header, ...rows] = records;
  if (!header || header.fields.map((f) => f.value).join(',') !== 'text,labels') {
    list.add('error', 1, 'azure-classifier/header', 'the header must be "text,labels"');
  }
  if (!rows.length) list.add('error', 0, 'azure-classifier/empty', 'no training example');
  for (const { line, fields } of rows) {
    if (fields.length !== 2) {
      list.add('error', line, 'azure-classifier/columns', `expected 2 columns (text, labels), found ${fields.length}`);
      continue;
    }
    if (fields[0].value.trim() === '') list.add('error', line, 'azure-classifier/empty-text', 'empty text');
    const labels = parsePythonStringList(fields[1].value);
    if (labels === null) list.add('error', line, 'azure-classifier/labels', `labels ${JSON.stringify(fields[1].value)} are not a Python list of strings`);
    else if (!labels.length) list.add('error', line, 'azure-classifier/no-label', 'empty label list');
    else if (labels.some((l) => l === '')) list.add('error', line, 'azure-classifier/empty-label', 'empty label');
    else labels.forEach((l) => labelNames.add(l));
  }
  return { issues: list.issues, counts: { examples: rows.length, labels: labelNames.size } };
}

/** Parses `['a', "b", 'c\'d']` (Python string literals with backslash escapes); null when it is not one. */
export function parsePythonStringList(source: string): string[] | null {
  const s = source.trim();
  if (!s.startsWith('[') || !s.endsWith(']')) return null;
  const out: string[] = [];
  let i = 1;
  const skipSpace = () => {
    while (s[i] === ' ') i++;
  };
  skipSpace();
  if (s[i] === ']') return i === s.length - 1 ? out : null;
  for (;;) {
    skipSpace();
    const quote = s[i];
    if (quote !== "'" && quote !== '"') return null;
    i++;
    let value = '';
    for (;;) {
      if (i >= s.length - 1) return null;
      const c = s[i];
      if (c === '\\') {
        const next = s[i + 1];
        value += next === 'n' ? '\n' : next === 'r' ? '\r' : next === 't' ? '\t' : next;
        i += 2;
        continue;
      }
      i++;
      if (c === quote) break;
      value += c;
    }
    out.push(value);
    skipSpace();
    if (s[i] === ',') {
      i++;
      continue;
    }
    return s[i] === ']' && i === s.length - 1 ? out : null;
  }
}
