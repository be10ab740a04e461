import type { DocumentSource } from '../context.js';

/** A field of the model the input format cannot carry, and what it was set to. */
export interface DefaultedField {
  /** The model field, as a path (`spans[].status`). */
  field: string;
  /** What it was set to, in words (`LABELED`, `the file name`). */
  value: string;
}

/**
 * One `MissingFieldDefaulted` (info) per field and document: what a format cannot carry (ids,
 * statuses, label-set names, arrows) is filled with a documented default, and the report says so.
 */
export function reportDefaults(source: DocumentSource, format: string, fields: readonly DefaultedField[]): void {
  const report = source.report;
  if (!report) return;
  for (const { field, value } of fields) {
    report.once(`MissingFieldDefaulted:read:${source.file}:${field}`, {
      kind: 'MissingFieldDefaulted',
      text: `${format} does not carry ${field}; set to ${value}`,
      place: { file: source.file, jsonPath: field },
    });
  }
}

/** What every token format other than the server JSON lacks. */
export const TOKEN_FORMAT_DEFAULTS: readonly DefaultedField[] = [
  { field: 'document.id', value: 'the file name' },
  { field: 'labelSets[].name', value: '"Column N" (N = tag column)' },
  { field: 'spans[].id', value: 'a running number' },
  { field: 'spans[].status', value: 'LABELED' },
  { field: 'spans[].labeledBy', value: 'null' },
];
