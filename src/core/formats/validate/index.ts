export * from './types.js';
export { lintAzureConll } from './azure.js';
export { lintComprehendCsv, COMPREHEND_HEADER, type ComprehendLintOptions } from './comprehend.js';
export { lintVertexJsonl, lintVertexImportCsv } from './vertex.js';
export { lintComprehendClassifier } from './comprehend-classifier.js';
export { lintAzureClassifier } from './azure-classifier.js';
export { lintVertexClassifier } from './vertex-classifier.js';
import type { LintResult, LintTarget } from './types.js';
import type { OffsetUnit } from '../../model/offsets.js';
import { lintAzureConll } from './azure.js';
import { COMPREHEND_HEADER, lintComprehendCsv } from './comprehend.js';
import { lintVertexImportCsv, lintVertexJsonl } from './vertex.js';
import { lintComprehendClassifier } from './comprehend-classifier.js';
import { lintAzureClassifier } from './azure-classifier.js';
import { lintVertexClassifier } from './vertex-classifier.js';

/** Which of a target's file layouts a file is: token projects train entity extraction, row projects classifiers. */
export type LintLayout = 'entities' | 'classifier' | 'import-csv';

export interface LintFileOptions {
  unit?: OffsetUnit;
  /** Comprehend entity annotations: the documents named in the `File` column. */
  texts?: Map<string, string>;
}

/**
 * Tells the layout from the file itself: Comprehend entity files start with their fixed header,
 * Azure classifier files with `text,labels`, Vertex JSONL lines with `{`, Vertex import CSVs list
 * gs:// URIs; anything else is the target's classifier CSV (or Azure's CoNLL).
 */
export function detectLayout(fileName: string, text: string, target: LintTarget): LintLayout {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
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
  else if (target === 'azure') result = layout === 'entities' ? lintAzureConll(text) : lintAzureClassifier(text);
  else result = layout === 'entities' ? lintVertexJsonl(text, { unit }) : layout === 'import-csv' ? lintVertexImportCsv(text) : lintVertexClassifier(text);
  return { layout, result };
}
