import type { Document, JsonValue, Question } from '../../model/types.js';
import type { FormatWriter, OutputFile, WriteContext } from '../types.js';
import { classifierExamples, labelChoice } from '../table/classifier.js';
import { documentContext } from '../table/combined.js';
import { CLASSIFIER_KINDS } from '../table/kinds.js';
import { datasetDescription, datasetFolder, hfDatasetFiles } from './hf-dataset.js';

/**
 * HF_TEXT_CLASSIFICATION (row and document projects): the layout of the Hugging Face text
 * classification datasets (imdb, ag_news): one record per example, `{"id", "text", "label"}` with
 * `label` a `ClassLabel` id, or `{"id", "text", "labels"}` with a `Sequence` of `ClassLabel` ids
 * when the label question takes several answers (`multiple`, or any example has more than one).
 * Examples, text column and label question are the classifier targets' (`--text-column`,
 * `--label-question`, rows without a label reported). Class names: the question's options in
 * their order, then any answered label the options do not list. Ids are `<document>#<row>` (or
 * `<document>` for a document-level label). Same dataset folder as HF_TOKEN_CLASSIFICATION.
 */
export const hfTextClassificationWriter: FormatWriter = {
  name: 'HF_TEXT_CLASSIFICATION',
  kinds: CLASSIFIER_KINDS,
  extension: 'jsonl',
  description: 'Hugging Face datasets folder: train.jsonl + train.parquet {id, text, label (ClassLabel id) or labels} + dataset_info.json with the class names',
  writeDocument(doc, ctx) {
    return dataset([doc], ctx, false);
  },
  writeCombined(docs, ctx) {
    return dataset(docs, ctx, true);
  },
};

async function dataset(docs: readonly Document[], ctx: WriteContext, combined: boolean): Promise<OutputFile[]> {
  const names: string[] = [];
  const ids = new Map<string, number>();
  const classId = (name: string) => {
    let id = ids.get(name);
    if (id === undefined) {
      id = names.length;
      ids.set(name, id);
      names.push(name);
    }
    return id;
  };
  const recordIds: string[] = [];
  const texts: string[] = [];
  const labels: number[][] = [];
  let multiple = false;
  let applicable = false;
  for (const doc of docs) {
    const docCtx = combined ? documentContext(doc, ctx) : ctx;
    const examples = classifierExamples(doc, docCtx.options, docCtx.report);
    if (!examples) continue;
    applicable = true;
    const question = labelChoice(doc, docCtx.options.labelQuestion)?.question;
    if (question) {
      for (const option of optionLabels(question)) classId(option);
      multiple ||= allowsSeveral(question);
    }
    for (const example of examples) {
      recordIds.push(example.row >= 0 ? `${doc.name}#${example.row}` : doc.name);
      texts.push(example.text);
      labels.push(example.labels.map(classId));
      multiple ||= example.labels.length > 1;
    }
  }
  if (!applicable) return [];
  return hfDatasetFiles(
    datasetFolder(docs, combined),
    [
      { name: 'id', type: 'string', values: recordIds },
      { name: 'text', type: 'string', values: texts },
      multiple ? { name: 'labels', type: 'int64-list', names, values: labels } : { name: 'label', type: 'int64', names, values: labels.map((l) => l[0]) },
    ],
    datasetDescription(docs, 'Text classification dataset'),
    docs[0]?.project.folder ?? 'datasaur',
  );
}

function config(question: Question): { [key: string]: JsonValue } {
  const c = question.config;
  return c !== null && typeof c === 'object' && !Array.isArray(c) ? c : {};
}

/** A checkbox, or an option question marked `multiple`, takes several answers. */
function allowsSeveral(question: Question): boolean {
  return question.type === 'CHECKBOX' || config(question).multiple === true;
}

/** Option labels in their configured order, children of hierarchical options after their parent. */
function optionLabels(question: Question): string[] {
  const out: string[] = [];
  const walk = (options: JsonValue | undefined) => {
    if (!Array.isArray(options)) return;
    for (const option of options) {
      if (option === null || typeof option !== 'object' || Array.isArray(option)) continue;
      if (typeof option.label === 'string' && option.label !== '') out.push(option.label);
      walk(option.children);
    }
  };
  walk(config(question).options);
  return out;
}
