import { InputError } from '../../errors.js';
import { readTaggedTsv } from '../tagged-tsv.js';
import type { Document } from '../../model/types.js';
import type { DocumentSource } from '../context.js';
import { SCORE, type TextReader } from '../detect.js';
import { firstJsonLine } from './json-lines-head.js';
import { TOKEN_FORMAT_DEFAULTS, reportDefaults } from './defaults.js';

/**
 * HF_TOKEN_CLASSIFICATION (`train.jsonl` of a Hugging Face token-classification dataset, what our
 * writer writes): `{"tokens", "ner_tags"}` per line, the tag names from the `ClassLabel` of the
 * `dataset_info.json` beside it (without it the ids cannot be named: an input error saying so).
 * Each line is a row; the names turn the ids into tags, read by the tagged-token reader's IOB
 * decoding (scheme recognised from the tags, as for TSV_IOB).
 */
export const hfTokenClassificationInput: TextReader = {
  format: 'HF_TOKEN_CLASSIFICATION',
  layout: '',
  extensions: ['.jsonl'],
  sniff(head) {
    const record = firstJsonLine(head);
    if (Array.isArray(record?.tokens) && Array.isArray(record.ner_tags)) return { score: SCORE.SIGNATURE, because: 'JSON lines with tokens and integer ner_tags (Hugging Face)' };
    return null;
  },
  read: (input, source) => readHfTokenClassification(input.text, source),
};

export function readHfTokenClassification(text: string, source: DocumentSource): Document {
  const info = source.companion?.('dataset_info.json');
  if (info === undefined) {
    throw new InputError('MISSING_REFERENCE', 'the tag names of a Hugging Face dataset are in dataset_info.json beside the JSONL, and there is none', { file: source.file, expected: 'dataset_info.json with features.ner_tags (Sequence of ClassLabel)' });
  }
  let names: unknown;
  try {
    names = (JSON.parse(info) as { features?: { ner_tags?: { feature?: { names?: unknown } } } }).features?.ner_tags?.feature?.names;
  } catch (error) {
    throw new InputError('NOT_JSON', 'dataset_info.json is not JSON', { file: 'dataset_info.json', cause: error });
  }
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) {
    throw new InputError('INVALID_DOCUMENT', 'dataset_info.json names no ClassLabel for ner_tags', { file: 'dataset_info.json', where: '$.features.ner_tags.feature.names', expected: 'a list of tag names' });
  }
  // Rows as token<TAB>tag blocks for the tagged-token reader (its IOB decoding and scheme detection).
  const blocks: string[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    const where = `line ${i + 1}`;
    let record: { tokens?: unknown; ner_tags?: unknown };
    try {
      record = JSON.parse(raw) as typeof record;
    } catch (error) {
      throw new InputError('NOT_JSON', 'the line is not JSON', { file: source.file, where, cause: error });
    }
    const { tokens, ner_tags: tags } = record;
    if (!Array.isArray(tokens) || !Array.isArray(tags) || tokens.length !== tags.length || !tokens.every((t) => typeof t === 'string' && !/[\t\r\n]/.test(t))) {
      throw new InputError('INVALID_DOCUMENT', 'a record needs as many ner_tags as tokens (tokens without tabs or line breaks)', { file: source.file, where, expected: '{"tokens": [...], "ner_tags": [...]}' });
    }
    blocks.push(tokens.map((token, t) => {
      const name = (names as string[])[tags[t] as number];
      if (name === undefined) throw new InputError('POSITION_OUT_OF_RANGE', `tag id ${String(tags[t])} has no name in dataset_info.json`, { file: source.file, where, expected: `an id below ${(names as string[]).length}` });
      return `${token}\t${name}\n`;
    }).join(''));
  });
  const doc = readTaggedTsv(blocks.join('\n') + '\n', source, { tags: 'iob', format: 'HF_TOKEN_CLASSIFICATION' });
  reportDefaults(source, 'HF_TOKEN_CLASSIFICATION', TOKEN_FORMAT_DEFAULTS);
  return doc;
}
