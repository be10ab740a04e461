import type { Document } from '../model/types.js';
import type { Report } from '../report/report.js';
import { isInputError } from '../errors.js';
import type { DocumentRef } from './input.js';

export { cabinetMatches } from './input.js';
export type { DocumentRef, OpenedInput, ProjectRef, OpenOptions } from './input.js';
export { parseDocumentText, parseDocumentValue, parseDocumentBytes, detectJsonFormat } from './parse-document.js';
export { registerReader, registeredReaders, inputFormatNames, type InputReader, type TextReader, type BinaryReader, type InputHead, type Sniff } from './detect.js';
export { readDatasaurSchema } from './datasaur-schema.js';
export { readJsonAdvanced } from './json-advanced.js';
export { readCsvExport } from './csv-export.js';
export { DEFAULT_LIMITS, type ArchiveLimits } from './zip-entries.js';

/** Loads one document; an input error becomes a `DocumentSkipped` message instead of ending the run. */
export async function loadOrReport(ref: DocumentRef, report: Report): Promise<Document | null> {
  const scoped = report.scope({ document: ref.documentName, cabinet: ref.cabinet.folder, project: ref.projectFolder });
  try {
    return await ref.load(scoped);
  } catch (error) {
    if (!isInputError(error)) throw error;
    scoped.add({ kind: 'DocumentSkipped', text: error.toUserMessage().replace(/^error \[[A-Z_]+\] /, ''), place: { file: ref.file, jsonPath: error.where } });
    return null;
  }
}
