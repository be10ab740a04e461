import type { Document, JsonValue, Question } from '../../model/types.js';
import type { FormatWriter, OutputFile, WriteContext } from '../types.js';
import { classifierExamples, labelChoice, type ClassifierExample } from '../table/classifier.js';
import { streamedClassifierExamples } from '../table/classifier-stream.js';
import { Report } from '../../report/report.js';
import { documentContext } from '../table/combined.js';
import { CLASSIFIER_KINDS } from '../table/kinds.js';
import { datasetDescription, datasetFolder, hfDatasetFiles, hfStreamedDatasetFiles, type HfColumnSpec } from './hf-dataset.js';

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
  streamsRows: true,
  writeDocument(doc, ctx) {
    return doc.rowStream ? streamedDataset(doc, ctx) : dataset([doc], ctx, false);
  },
  writeCombined(docs, ctx) {
    return dataset(docs, ctx, true);
  },
};

/** Class names in id order: the label question's options first, then each other label as it comes. */
class ClassNames {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }
}

function columnSpecs(classes: ClassNames, multiple: boolean): HfColumnSpec[] {
  return [
    { name: 'id', type: 'string' },
    { name: 'text', type: 'string' },
    multiple ? { name: 'labels', type: 'int64-list', names: classes.names } : { name: 'label', type: 'int64', names: classes.names },
  ];
}

/** A record's id: `<document>#<row>`, or `<document>` for a document-level label. */
const recordId = (doc: Document, example: ClassifierExample) => (example.row >= 0 ? `${doc.name}#${example.row}` : doc.name);

/** A record's label column: the class ids, or the one class id when no example has several. */
const labelValue = (classes: ClassNames, example: ClassifierExample, multiple: boolean) => (multiple ? example.labels.map((l) => classes.id(l)) : classes.id(example.labels[0]));

async function dataset(docs: readonly Document[], ctx: WriteContext, combined: boolean): Promise<OutputFile[]> {
  const classes = new ClassNames();
  const examples: Array<{ doc: Document; example: ClassifierExample }> = [];
  let multiple = false;
  let applicable = false;
  for (const doc of docs) {
    const docCtx = combined ? documentContext(doc, ctx) : ctx;
    const found = classifierExamples(doc, docCtx.options, docCtx.report);
    if (!found) continue;
    applicable = true;
    const question = labelChoice(doc, docCtx.options.labelQuestion)?.question;
    if (question) multiple ||= knowClasses(classes, question);
    for (const example of found) {
      for (const label of example.labels) classes.id(label);
      multiple ||= example.labels.length > 1;
      examples.push({ doc, example });
    }
  }
  if (!applicable) return [];
  const specs = columnSpecs(classes, multiple);
  const values = [examples.map((e) => recordId(e.doc, e.example)), examples.map((e) => e.example.text), examples.map((e) => labelValue(classes, e.example, multiple))];
  return hfDatasetFiles(
    datasetFolder(docs, combined),
    specs.map((spec, i) => Object.assign({}, spec, { values: values[i] })),
    datasetDescription(docs, 'Text classification dataset'),
    docs[0]?.project.folder ?? 'datasaur',
  );
}

/** The question's options as the first classes; true when it takes several answers. */
function knowClasses(classes: ClassNames, question: Question): boolean {
  for (const option of optionLabels(question)) classes.id(option);
  return allowsSeveral(question);
}

/**
 * A document whose rows are streamed, in constant memory: the class names and whether any example
 * has several labels come before the first record (in the features), so a first pass over the
 * rows finds them, saying nothing; the JSONL's pass then says what the rows say, and the
 * Parquet's is silent again. The same bytes and messages as the document read whole.
 */
async function streamedDataset(doc: Document, ctx: WriteContext): Promise<OutputFile[]> {
  const examples = await streamedClassifierExamples(doc, ctx.options, ctx.report);
  if (!examples) return [];
  const classes = new ClassNames();
  let multiple = knowClasses(classes, examples.choice.question);
  for await (const batch of examples.pass(silent())) {
    for (const example of batch) {
      for (const label of example.labels) classes.id(label);
      multiple ||= example.labels.length > 1;
    }
  }
  const columns = async function* (file: 'jsonl' | 'parquet') {
    for await (const batch of examples.pass(file === 'jsonl' ? ctx.report : silent())) {
      yield [batch.map((e) => recordId(doc, e)), batch.map((e) => e.text), batch.map((e) => labelValue(classes, e, multiple))];
    }
  };
  return hfStreamedDatasetFiles(datasetFolder([doc], false), columnSpecs(classes, multiple), columns, datasetDescription([doc], 'Text classification dataset'), doc.project.folder);
}

/** A report for a pass whose messages another pass gives: it keeps none. */
const silent = () => new Report({ keep: 0 });

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
