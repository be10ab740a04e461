import { InputError } from '../../errors.js';
import type { Document } from '../../model/types.js';
import type { DocumentSource } from '../context.js';
import { SCORE, type TextReader } from '../detect.js';
import { firstJsonLine } from './json-lines-head.js';
import { classifierDocument, type ClassifierRecord } from './classifier-document.js';

/**
 * HF_TEXT_CLASSIFICATION (`train.jsonl` of a Hugging Face text-classification dataset, what our
 * writer writes, and the layout of imdb / ag_news): `{"id", "text", "label"}` per line with
 * `label` a ClassLabel id, or `{"id", "text", "labels"}` with a list of ids. The class names are
 * in the `dataset_info.json` beside it (`features.label.names`, or `features.labels.feature.names`);
 * without it the ids cannot be named: an input error saying where the names are. Read as the other
 * classifier files are (classifier-document.ts): a row per record, its text in column `text`, its
 * labels the answer to one question `label` whose options are the class names in id order.
 */
export const hfTextClassificationInput: TextReader = {
  format: 'HF_TEXT_CLASSIFICATION',
  layout: 'classifier',
  extensions: ['.jsonl'],
  sniff(head) {
    const record = firstJsonLine(head);
    if (typeof record?.text !== 'string') return null;
    if (Number.isInteger(record.label)) return { score: SCORE.SIGNATURE, because: 'JSON lines with text and an integer label (Hugging Face)' };
    if (Array.isArray(record.labels) && record.labels.every((l) => Number.isInteger(l))) return { score: SCORE.SIGNATURE, because: 'JSON lines with text and integer labels (Hugging Face)' };
    return null;
  },
  read: (input, source) => readHfTextClassification(input.text, source),
};

/** The class names of the dataset_info.json beside the file, for `label` or `labels`. */
function classNames(source: DocumentSource): string[] {
  const info = source.companion?.('dataset_info.json');
  if (info === undefined) {
    throw new InputError('MISSING_REFERENCE', 'the class names of a Hugging Face dataset are in dataset_info.json beside the JSONL, and there is none', {
      file: source.file,
      expected: 'dataset_info.json with features.label (ClassLabel) or features.labels (Sequence of ClassLabel)',
    });
  }
  let features: { label?: { names?: unknown }; labels?: { feature?: { names?: unknown } } } | undefined;
  try {
    features = (JSON.parse(info) as { features?: typeof features }).features;
  } catch (error) {
    throw new InputError('NOT_JSON', 'dataset_info.json is not JSON', { file: 'dataset_info.json', cause: error });
  }
  const names = features?.label?.names ?? features?.labels?.feature?.names;
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) {
    throw new InputError('INVALID_DOCUMENT', 'dataset_info.json names no ClassLabel for label or labels', { file: 'dataset_info.json', where: '$.features.label.names', expected: 'a list of class names' });
  }
  return names as string[];
}

export function readHfTextClassification(text: string, source: DocumentSource): Document {
  const names = classNames(source);
  const records: ClassifierRecord[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    const where = `line ${i + 1}`;
    let record: { text?: unknown; label?: unknown; labels?: unknown };
    try {
      record = JSON.parse(raw) as typeof record;
    } catch (error) {
      throw new InputError('NOT_JSON', 'the line is not JSON', { file: source.file, where, cause: error });
    }
    const ids = record.labels !== undefined ? record.labels : record.label === undefined || record.label === null ? [] : [record.label];
    if (typeof record.text !== 'string' || !Array.isArray(ids)) {
      throw new InputError('INVALID_DOCUMENT', 'a record needs a text and a label id (or a list of them)', { file: source.file, where, expected: '{"text": "...", "label": 0} or {"text": "...", "labels": [0, 2]}' });
    }
    const labels = ids.map((id) => {
      const name = Number.isInteger(id) ? names[id as number] : undefined;
      if (name === undefined) throw new InputError('POSITION_OUT_OF_RANGE', `label id ${JSON.stringify(id)} has no name in dataset_info.json`, { file: source.file, where, expected: `an integer below ${names.length}` });
      return name;
    });
    records.push({ text: record.text, labels, where });
  });
  return classifierDocument(records, source, 'HF_TEXT_CLASSIFICATION', names);
}
