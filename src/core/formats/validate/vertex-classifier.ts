import { IssueList, type LintResult } from './types.js';
import { readCsvRecords } from './csv-records.js';

/**
 * Vertex AI text-classification import CSV (Google documentation): each line
 * `[ml_use,]"text",label[,label…]` with `ml_use` one of training/validation/test, the inline text
 * in double quotes, and labels made of ASCII letters, digits and `_` only. A line without a label
 * is accepted by Vertex as unlabeled data but trains nothing: a warning.
 */
const ML_USE = new Set(['training', 'validation', 'test']);
const LABEL = /^[A-Za-z0-9_]+$/;

export function lintVertexClassifier(text: string): LintResult {
  const list = new IssueList();
  const { records, issues } = readCsvRecords(text);
  const labelNames = new Set<string>();
  for (const i of issues) list.add('error', i.line, 'vertex-classifier/csv', i.message);
  if (!records.length) list.add('error', 0, 'vertex-classifier/empty', 'no training example');
  for (const { line, fields } of records) {
    // The text is the first quoted field; an unquoted field before it is the ml_use column.
    const rest = fields[0] && !fields[0].quoted && fields.length > 1 && fields[1].quoted ? fields.slice(1) : fields;
    if (rest !== fields && !ML_USE.has(fields[0].value)) list.add('error', line, 'vertex-classifier/ml-use', `ml_use "${fields[0].value}" is not training, validation or test`);
    const [body, ...labels] = rest;
    if (!body?.quoted) list.add('error', line, 'vertex-classifier/quoted-text', 'the inline text must be in double quotes');
    else if (body.value.trim() === '') list.add('error', line, 'vertex-classifier/empty-text', 'empty text');
    if (!labels.length) list.add('warning', line, 'vertex-classifier/no-label', 'no label');
    for (const label of labels) {
      if (!LABEL.test(label.value)) list.add('error', line, 'vertex-classifier/label-name', `label "${label.value}" may only hold ASCII letters, digits and _`);
      else labelNames.add(label.value);
    }
  }
  return { issues: list.issues, counts: { examples: records.length, labels: labelNames.size } };
}
