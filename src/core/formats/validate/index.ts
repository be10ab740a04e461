export * from './types.js';
export { lintAzureConll } from './azure.js';
export { lintComprehendCsv, COMPREHEND_HEADER, type ComprehendLintOptions } from './comprehend.js';
export { lintVertexJsonl, lintVertexImportCsv } from './vertex.js';
export { lintComprehendClassifier } from './comprehend-classifier.js';
export { lintAzureClassifier } from './azure-classifier.js';
export { lintVertexClassifier } from './vertex-classifier.js';
export { lintHfJsonl } from './hf.js';
export { lintSpacyJsonl } from './spacy.js';
export { lintConll2003 } from './conll2003.js';
export { lintCoco } from './coco.js';
export { lintYoloLabels } from './yolo.js';
import type { LintResult, LintTarget } from './types.js';
import type { OffsetUnit } from '../../model/offsets.js';
import { lintAzureConll } from './azure.js';
import { COMPREHEND_HEADER, lintComprehendCsv } from './comprehend.js';
import { lintVertexImportCsv, lintVertexJsonl } from './vertex.js';
import { lintComprehendClassifier } from './comprehend-classifier.js';
import { lintAzureClassifier } from './azure-classifier.js';
import { lintVertexClassifier } from './vertex-classifier.js';
import { lintHfJsonl } from './hf.js';
import { lintSpacyJsonl } from './spacy.js';
import { lintConll2003 } from './conll2003.js';
import { lintCoco } from './coco.js';
import { lintYoloLabels } from './yolo.js';

/** Which of a target's file layouts a file is: token projects train entity extraction, row projects classifiers. */
export type LintLayout = 'entities' | 'classifier' | 'import-csv' | 'detection';

export interface LintFileOptions {
  unit?: OffsetUnit;
  /** Comprehend entity annotations: the documents named in the `File` column. */
  texts?: Map<string, string>;
  /** HF: the `features` of the dataset's `dataset_info.json` (class ids are checked against its names). */
  features?: Record<string, unknown>;
  /** YOLO: the number of class names (`classes.txt` beside the labels folder). */
  classCount?: number;
}

/**
 * Tells the layout from the file itself: Comprehend entity files start with their fixed header,
 * Azure classifier files with `text,labels`, Vertex JSONL lines with `{`, Vertex import CSVs list
 * gs:// URIs; anything else is the target's classifier CSV (or Azure's CoNLL).
 */
export function detectLayout(fileName: string, text: string, target: LintTarget): LintLayout {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  if (target === 'coco' || target === 'yolo') return 'detection';
  if (target === 'hf') return /"tokens"\s*:/.test(firstLine) ? 'entities' : 'classifier';
  if (target === 'spacy' || target === 'conll2003') return 'entities';
  if (target === 'comprehend') return firstLine === COMPREHEND_HEADER.join(',') ? 'entities' : 'classifier';
  if (target === 'azure') return firstLine === 'text,labels' ? 'classifier' : 'entities';
  if (/\.jsonl$/i.test(fileName) || body.trimStart().startsWith('{')) return 'entities';
  return /(^|,)gs:\/\/\S+$/.test(firstLine) ? 'import-csv' : 'classifier';
}

/** Checks one training file against `target`'s published rules, in the layout the file has. */
export function lintFile(fileName: string, text: string, target: LintTarget, options: LintFileOptions = {}): { layout: LintLayout; result: LintResult } {
  const layout = detectLayout(fileName, text, target);
  const unit = options.unit ?? 'codepoint';
  let result: LintResult;
  if (target === 'comprehend') result = layout === 'entities' ? lintComprehendCsv(text, { unit, texts: options.texts ?? new Map() }) : lintComprehendClassifier(text);
  else if (target === 'hf') result = lintHfJsonl(text, { features: options.features });
  else if (target === 'spacy') result = lintSpacyJsonl(text);
  else if (target === 'conll2003') result = lintConll2003(text);
  else if (target === 'coco') result = lintCoco(text);
  else if (target === 'yolo') result = lintYoloLabels(text, { classCount: options.classCount });
  else if (target === 'azure') result = layout === 'entities' ? lintAzureConll(text) : lintAzureClassifier(text);
  else result = layout === 'entities' ? lintVertexJsonl(text, { unit }) : layout === 'import-csv' ? lintVertexImportCsv(text) : lintVertexClassifier(text);
  return { layout, result };
}
