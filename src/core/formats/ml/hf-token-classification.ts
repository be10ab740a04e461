import type { Document } from '../../model/types.js';
import type { FormatWriter, OutputFile, WriteContext } from '../types.js';
import { documentContext } from '../table/combined.js';
import { datasetDescription, datasetFolder, hfDatasetFiles } from './hf-dataset.js';
import { TagVocabulary, taggedRows } from './token-tags.js';

/**
 * HF_TOKEN_CLASSIFICATION (token projects): the layout of the Hugging Face token-classification
 * datasets (conll2003, wnut_17): one record per row, `{"id", "tokens", "ner_tags"}`, with
 * `ner_tags` the integer ids of the tags (`--scheme`, IOB2 by default) of one label set
 * (`--label-set`, default the first), and the tag names in id order as the `ClassLabel` of a
 * `Sequence` in the features. Written as a dataset folder (see `hfDatasetFiles`): per document
 * `<document>/`, with `--combine` one `<project folder>/` for the cabinet. Ids are
 * `<document>#<row>`, unique across a combined dataset.
 */
export const hfTokenClassificationWriter: FormatWriter = {
  name: 'HF_TOKEN_CLASSIFICATION',
  kinds: ['TOKEN_BASED'],
  extension: 'jsonl',
  description: 'Hugging Face datasets folder: train.jsonl + train.parquet {id, tokens, ner_tags (ClassLabel ids)} + dataset_info.json with the tag names',
  writeDocument(doc, ctx) {
    return dataset([doc], ctx, false);
  },
  writeCombined(docs, ctx) {
    return dataset(docs, ctx, true);
  },
};

async function dataset(docs: readonly Document[], ctx: WriteContext, combined: boolean): Promise<OutputFile[]> {
  const vocabulary = new TagVocabulary(ctx.options.scheme);
  const ids: string[] = [];
  const tokens: string[][] = [];
  const tags: number[][] = [];
  for (const doc of docs) {
    const docCtx = combined ? documentContext(doc, ctx) : ctx;
    for (const row of taggedRows(doc, docCtx, { vocabulary })) {
      ids.push(`${doc.name}#${row.row}`);
      tokens.push(row.tokens);
      tags.push(row.tags.map((tag) => vocabulary.id(tag)));
    }
  }
  return hfDatasetFiles(
    datasetFolder(docs, combined),
    [
      { name: 'id', type: 'string', values: ids },
      { name: 'tokens', type: 'string-list', values: tokens },
      { name: 'ner_tags', type: 'int64-list', names: vocabulary.names, values: tags },
    ],
    datasetDescription(docs, 'Token classification (NER) dataset'),
    docs[0]?.project.folder ?? 'datasaur',
  );
}
