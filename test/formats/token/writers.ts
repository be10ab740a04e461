import { resolveOptions, type ConvertOptions } from '../../../src/core/formats/options.js';
import type { OutputFile } from '../../../src/core/formats/types.js';
import type { KindPart } from '../../../src/core/formats/by-kind.js';
import type { Document } from '../../../src/core/model/types.js';
import { Report } from '../../../src/core/report/report.js';
import { tsvIobWriter } from '../../../src/core/formats/token/tsv-iob.js';
import { tsvNonIobWriter } from '../../../src/core/formats/token/tsv-non-iob.js';
import { plainWriter } from '../../../src/core/formats/token/plain.js';
import { tokenCsvPart } from '../../../src/core/formats/token/token-csv.js';
import { comprehendEntitiesPart } from '../../../src/core/formats/token/comprehend-entities.js';
import { azureConllPart } from '../../../src/core/formats/token/azure-conll.js';
import { vertexEntitiesPart } from '../../../src/core/formats/token/vertex-entities.js';

/** The token-format writers of this issue by Datasaur format name (token parts of the shared names). */
export const TOKEN_WRITERS: Record<string, KindPart> = {
  TSV_IOB: tsvIobWriter,
  TSV_NON_IOB: tsvNonIobWriter,
  PLAIN: plainWriter,
  CSV: tokenCsvPart,
  AMAZON_COMPREHEND_CSV: comprehendEntitiesPart,
  AZURE_AUTOML_CSV: azureConllPart,
  GCP_VERTEX_AI_CSV: vertexEntitiesPart,
};

/** Options every test run needs (Vertex requires a bucket prefix). */
export const TEST_OPTIONS: Partial<ConvertOptions> = { gcsPrefix: 'gs://datasaur-test/exports' };

export interface WriteResult {
  files: Array<{ name: string; text: string }>;
  report: Report;
}

export async function write(format: string, doc: Document, options: Partial<ConvertOptions> = {}): Promise<WriteResult> {
  const report = new Report();
  const files = await TOKEN_WRITERS[format].writeDocument(doc, { options: resolveOptions({ ...TEST_OPTIONS, ...options }), report });
  return { files: files.map(asText), report };
}

export async function writeCombined(format: string, docs: Document[], options: Partial<ConvertOptions> = {}): Promise<WriteResult> {
  const report = new Report();
  const part = TOKEN_WRITERS[format];
  if (!part.writeCombined) throw new Error(`${format} has no combined output`);
  const files = await part.writeCombined(docs, { options: resolveOptions({ ...TEST_OPTIONS, combine: true, ...options }), report });
  return { files: files.map(asText), report };
}

function asText(file: OutputFile): { name: string; text: string } {
  if (typeof file.content !== 'string') throw new Error(`${file.name}: token writers return text`);
  return { name: file.name, text: file.content };
}
