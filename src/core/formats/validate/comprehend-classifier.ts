import { IssueList, type LintResult } from './types.js';
import { readCsvRecords } from './csv-records.js';

/**
 * Amazon Comprehend custom-classification training CSV (AWS documentation): no header, two
 * columns `LABEL[|LABEL…],text` (`|` between labels in multi-label mode), one document per line
 * (no line break inside the text), labels non-empty without surrounding spaces, text non-empty.
 * A byte order mark is accepted by AWS's reader but ends up in the first label: a warning.
 */
export function lintComprehendClassifier(text: string): LintResult {
  const list = new IssueList();
  const { records, issues } = readCsvRecords(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const labelNames = new Set<string>();
  for (const i of issues) list.add('error', i.line, 'comprehend-classifier/csv', i.message);
  if (text.charCodeAt(0) === 0xfeff) list.add('warning', 1, 'comprehend-classifier/bom', 'the file starts with a byte order mark');
  if (!records.length) list.add('error', 0, 'comprehend-classifier/empty', 'no training example');
  for (const { line, fields } of records) {
    if (fields.length !== 2) {
      list.add('error', line, 'comprehend-classifier/columns', `expected 2 columns (labels, text), found ${fields.length}`);
      continue;
    }
    const [labels, body] = fields;
    for (const label of labels.value.split('|')) {
      if (label === '') list.add('error', line, 'comprehend-classifier/empty-label', 'empty label');
      else if (label.trim() !== label) list.add('error', line, 'comprehend-classifier/label-spaces', `label "${label}" has surrounding spaces`);
      else labelNames.add(label);
    }
    if (body.value.trim() === '') list.add('error', line, 'comprehend-classifier/empty-text', 'empty text');
    if (/[\r\n]/.test(body.value)) list.add('error', line, 'comprehend-classifier/one-line', 'line break inside the text (Comprehend reads one document per line)');
  }
  return { issues: list.issues, counts: { examples: records.length, labels: labelNames.size } };
}
