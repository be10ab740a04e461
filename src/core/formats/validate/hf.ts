import { isString, isWhole, jsonObjectLines } from './json-lines.js';
import { IssueList, type LintResult } from './types.js';

export interface HfLintOptions {
  /** `features` of the dataset's `dataset_info.json`, when at hand: ids are checked against its class names. */
  features?: Record<string, unknown>;
}

/**
 * A Hugging Face `datasets` JSONL as HF_TOKEN_CLASSIFICATION / HF_TEXT_CLASSIFICATION write it, checked
 * the way `load_dataset("json")` + the features would take it: one JSON object per line, the same
 * keys on every line (Arrow needs one schema), token records with `tokens` (strings) and `ner_tags`
 * (integers, as many as tokens), text records with a string `text` and an integer `label` or a
 * list of integers `labels`; with the features, every id below the number of `ClassLabel` names.
 */
export function lintHfJsonl(text: string, options: HfLintOptions = {}): LintResult {
  const list = new IssueList();
  const counts = { records: 0, tokens: 0 };
  const records = jsonObjectLines(text, list, 'hf/json-line');
  if (records.length === 0) list.add('error', 0, 'hf/empty', 'no record: load_dataset needs at least one');
  const keys = records[0] ? Object.keys(records[0].value).sort().join(',') : '';
  const classCount = (column: string): number | undefined => {
    const feature = options.features?.[column] as { _type?: string; names?: unknown; feature?: { names?: unknown } } | undefined;
    const names = feature?._type === 'Sequence' ? feature.feature?.names : feature?.names;
    return Array.isArray(names) ? names.length : undefined;
  };
  const checkId = (column: string, id: unknown, line: number) => {
    const count = classCount(column);
    if (!isWhole(id) || id < 0) list.add('error', line, 'hf/class-id', `${column}: ${JSON.stringify(id)} is not a class id (a non-negative integer)`);
    else if (count !== undefined && id >= count) list.add('error', line, 'hf/class-id', `${column}: id ${id} is past the ${count} ClassLabel names`);
  };
  for (const { line, value } of records) {
    counts.records++;
    if (Object.keys(value).sort().join(',') !== keys) list.add('error', line, 'hf/same-keys', `keys differ from the first record's (${keys}): Arrow needs one schema`);
    if ('tokens' in value || 'ner_tags' in value) {
      const { tokens, ner_tags: tags } = value;
      if (!Array.isArray(tokens) || !tokens.every(isString)) list.add('error', line, 'hf/tokens', '"tokens" must be a list of strings');
      if (!Array.isArray(tags)) list.add('error', line, 'hf/ner-tags', '"ner_tags" must be a list of integers');
      else tags.forEach((id) => checkId('ner_tags', id, line));
      if (Array.isArray(tokens) && Array.isArray(tags) && tokens.length !== tags.length) list.add('error', line, 'hf/tag-count', `${tokens.length} tokens but ${tags.length} tags`);
      if (Array.isArray(tokens)) counts.tokens += tokens.length;
    } else {
      if (!isString(value.text)) list.add('error', line, 'hf/text', '"text" must be a string');
      if ('labels' in value) {
        if (!Array.isArray(value.labels)) list.add('error', line, 'hf/labels', '"labels" must be a list of class ids');
        else value.labels.forEach((id) => checkId('labels', id, line));
      } else if ('label' in value) checkId('label', value.label, line);
      else list.add('error', line, 'hf/label', 'a text record needs "label" or "labels"');
    }
  }
  return { issues: list.issues, counts };
}
