/**
 * The input readers, in one list: content detection (detect.ts) tries each. Adding a reader = its
 * file in `inputs/` and one line here. Imported by parse-document.ts, so every parse sees them.
 */
import { registerReader } from './detect.js';
import { datasaurSchemaInput, jsonAdvancedInput } from './inputs/server-json.js';
import { csvTableInput } from './inputs/csv-table.js';
import { tsvTableInput } from './inputs/tsv-table.js';
import { tsvIobInput } from './inputs/tsv-iob.js';
import { tsvNonIobInput } from './inputs/tsv-non-iob.js';
import { conll2003Input } from './inputs/conll-2003.js';
import { spacyJsonlInput } from './inputs/spacy-jsonl.js';
import { hfTokenClassificationInput } from './inputs/hf-token-classification.js';
import { hfTextClassificationInput } from './inputs/hf-text-classification.js';
import { cocoInput } from './inputs/coco.js';
import { tokenCsvInput } from './inputs/token-csv.js';
import { jsonTabularInput } from './inputs/json-tabular.js';
import { xlsxInput } from './inputs/xlsx.js';
import { comprehendClassifierInput, comprehendEntitiesInput } from './inputs/amazon-comprehend-csv.js';
import { azureClassifierInput, azureConllInput } from './inputs/azure-automl-csv.js';
import { vertexClassifierInput, vertexEntitiesInput, vertexImportListInput } from './inputs/gcp-vertex-ai-csv.js';

registerReader(datasaurSchemaInput);
registerReader(jsonAdvancedInput);
registerReader(csvTableInput);
registerReader(tsvTableInput);
registerReader(tsvIobInput);
registerReader(tsvNonIobInput);
registerReader(conll2003Input);
registerReader(spacyJsonlInput);
registerReader(hfTokenClassificationInput);
registerReader(hfTextClassificationInput);
registerReader(cocoInput);
registerReader(tokenCsvInput);
registerReader(jsonTabularInput);
registerReader(xlsxInput);
registerReader(comprehendEntitiesInput);
registerReader(comprehendClassifierInput);
registerReader(azureConllInput);
registerReader(azureClassifierInput);
registerReader(vertexEntitiesInput);
registerReader(vertexClassifierInput);
registerReader(vertexImportListInput);
