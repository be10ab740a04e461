import { serializeDatasaurSchema } from '../../src/core/formats/schema/datasaur-schema.js';
import { serializeJsonAdvanced } from '../../src/core/formats/schema/json-advanced.js';
import { parseDocumentText } from '../../src/core/read/index.js';
import type { Document } from '../../src/core/model/types.js';
import { Report } from '../../src/core/report/report.js';

export type ServerFormat = 'DATASAUR_SCHEMA' | 'JSON_ADVANCED';

/** The server's serialization of a document, as the export ZIP would hold it. */
export function serverText(doc: Document, format: ServerFormat): string {
  return format === 'DATASAUR_SCHEMA' ? serializeDatasaurSchema(doc) : serializeJsonAdvanced(doc);
}

/**
 * Reads a server file back the way an export ZIP entry is read: the ZIP layout names the project,
 * cabinet and document (JSON_ADVANCED files do not name them themselves).
 */
export function readServerText(text: string, like: Document, report = new Report()): Document {
  return parseDocumentText(text, {
    file: `${like.project.folder}/${like.cabinet.folder}/${like.name}.json`,
    documentName: like.name,
    project: like.project,
    cabinet: like.cabinet,
    report,
  });
}
