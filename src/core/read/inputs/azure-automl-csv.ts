import { InputError } from '../../errors.js';
import { SCORE, type TextReader } from '../detect.js';
import { classifierDocument } from './classifier-document.js';
import { headRecords, parseRecords, sameHeader } from './records.js';
import { isTokenLines, taggedShape } from './tagged-head.js';
import { readTokenLines, tokenLinesScore } from './token-tags.js';

/**
 * AZURE_AUTOML_CSV of token projects: CoNLL for AutoML NER, `token label` with one space, IOB2
 * labels, a blank line between sentences.
 */
export const azureConllInput: TextReader = {
  format: 'AZURE_AUTOML_CSV',
  layout: 'CoNLL',
  extensions: ['.conll', '.txt'],
  sniff(head) {
    const shape = taggedShape(head);
    if (!isTokenLines(shape) || shape.docstart || shape.separator !== ' ' || shape.fields !== 2) return null;
    return tokenLinesScore(shape, shape.prefixedShare >= 0.5 || shape.outsideShare === 1);
  },
  read: (input, source) => readTokenLines(input.text, source, 'AZURE_AUTOML_CSV', { separator: ' ', tags: 'iob' }),
};

/**
 * AZURE_AUTOML_CSV of row projects: `text,labels` with the labels as a Python list
 * (`['a','b']`), as Azure's multi-label text classification reads it (a bare label is one label).
 */
export const azureClassifierInput: TextReader = {
  format: 'AZURE_AUTOML_CSV',
  layout: 'classifier',
  extensions: ['.csv'],
  sniff(head) {
    const records = headRecords(head, ',');
    if (!sameHeader(records?.[0], ['text', 'labels'])) return null;
    const lists = records!.slice(1).filter((r) => r.length === 2);
    return lists.length && lists.every((r) => /^\[.*\]$/s.test(r[1].trim()))
      ? { score: SCORE.SIGNATURE, because: 'header text,labels and labels as Python lists' }
      : { score: SCORE.STRONG, because: 'header text,labels' };
  },
  read(input, source) {
    const [, ...records] = parseRecords(input.text, ',', source.file);
    return classifierDocument(
      records.filter((r) => !(r.length === 1 && r[0] === '')).map((r, i) => ({ text: r[0] ?? '', labels: pythonLabels(r[1] ?? '', source.file, i + 2), where: `record ${i + 2}` })),
      source,
      'AZURE_AUTOML_CSV',
    );
  },
};

/** `['a','b\'c']` → ['a', "b'c"]; a value that is no list is one label (or none when empty). */
export function pythonLabels(value: string, file: string, record: number): string[] {
  const text = value.trim();
  if (!text.startsWith('[')) return text === '' ? [] : [text];
  const labels: string[] = [];
  let i = 1;
  const fail = () => new InputError('INVALID_DOCUMENT', `the labels ${JSON.stringify(value)} are not a Python list of strings`, { file, where: `record ${record}`, expected: "['label', 'label']" });
  for (;;) {
    while (text[i] === ' ' || text[i] === ',') i++;
    if (text[i] === ']') return labels;
    const quote = text[i];
    if (quote !== "'" && quote !== '"') throw fail();
    let label = '';
    for (i++; i < text.length && text[i] !== quote; i++) {
      if (text[i] !== '\\') label += text[i];
      else {
        const next = text[++i];
        label += next === 'n' ? '\n' : next === 'r' ? '\r' : next === 't' ? '\t' : next;
      }
    }
    if (i >= text.length) throw fail();
    labels.push(label);
    i++;
  }
}
