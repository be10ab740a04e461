import type { ProjectKind } from '../model/types.js';
import type { FormatWriter } from './types.js';
import { DEFAULT_OPTIONS } from './options.js';
import { datasaurSchemaWriter } from './schema/datasaur-schema.js';
import { jsonAdvancedWriter } from './schema/json-advanced.js';
import { byKind } from './by-kind.js';
import { csvTablePart } from './table/csv.js';
import { tsvWriter } from './table/tsv.js';
import { jsonTabularWriter } from './table/json-tabular.js';
import { comprehendClassifierPart } from './table/comprehend-classifier.js';
import { azureClassifierPart } from './table/azure-classifier.js';
import { vertexClassifierPart } from './table/vertex-classifier.js';
import { xlsxWriter } from './table/xlsx.js';
import { tsvIobWriter } from './token/tsv-iob.js';
import { tsvNonIobWriter } from './token/tsv-non-iob.js';
import { plainWriter } from './token/plain.js';
import { tokenCsvPart } from './token/token-csv.js';
import { comprehendEntitiesPart } from './token/comprehend-entities.js';
import { azureConllPart } from './token/azure-conll.js';
import { vertexEntitiesPart } from './token/vertex-entities.js';
import { spanAndArrowVisualization } from './pdf/span-and-arrow-visualization.js';
import { hfTokenClassificationWriter } from './ml/hf-token-classification.js';
import { hfTextClassificationWriter } from './ml/hf-text-classification.js';
import { spacyJsonlWriter } from './ml/spacy-jsonl.js';
import { conll2003Writer } from './ml/conll-2003.js';
import { cocoWriter } from './ml/coco.js';
import { yoloWriter } from './ml/yolo.js';
import { customWriter } from './custom/custom-writer.js';

/**
 * The one table of output formats: name → writer, project kinds, extension. Adding a format means
 * adding its file in `formats/` and one entry here. Only formats whose writer exists and passes its
 * tests are listed: `formats` and `--to all` show exactly this table.
 */
const WRITERS: FormatWriter[] = [
  datasaurSchemaWriter,
  jsonAdvancedWriter,
  tsvIobWriter,
  tsvNonIobWriter,
  plainWriter,
  byKind('CSV', 'csv', 'Token: one row per span (File,Line,Begin Offset,End Offset,Type,Label Status). Row/document: the table with answer columns, server serialization', [tokenCsvPart, csvTablePart]),
  tsvWriter,
  jsonTabularWriter,
  xlsxWriter,
  byKind('AMAZON_COMPREHEND_CSV', 'csv', 'Token: entity annotations (File,Line,Begin Offset,End Offset,Type) + PLAIN text. Row/document: classifier training file LABEL[|LABEL],text', [comprehendEntitiesPart, comprehendClassifierPart]),
  byKind('AZURE_AUTOML_CSV', 'csv', "Token: CoNLL for AutoML NER. Row/document: text,labels with labels as a Python list ['a','b']", [azureConllPart, azureClassifierPart]),
  byKind('GCP_VERTEX_AI_CSV', 'csv', 'Token: JSONL entity documents + import CSV. Row/document: [ml_use,]"text",label,... classification rows', [vertexEntitiesPart, vertexClassifierPart]),
  spanAndArrowVisualization,
  // Training-ready formats beyond the server's list (issue 13).
  hfTokenClassificationWriter,
  hfTextClassificationWriter,
  spacyJsonlWriter,
  conll2003Writer,
  cocoWriter,
  yoloWriter,
  // The server's "export using File Transformer", with the user's transformer (issue 16).
  customWriter,
];

export function registeredFormats(): readonly FormatWriter[] {
  return WRITERS;
}

export function findWriter(name: string): FormatWriter | undefined {
  return WRITERS.find((w) => w.name === name.toUpperCase());
}

/** The writers `--to all` runs on documents of these kinds with the default options (so not CUSTOM, which needs a transformer). */
export function writersForKinds(kinds: readonly ProjectKind[]): FormatWriter[] {
  return WRITERS.filter((w) => w.kinds.some((k) => kinds.includes(k)) && (!w.inAll || w.inAll(DEFAULT_OPTIONS)));
}
