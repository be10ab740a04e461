import path from 'node:path';
import { contentBytes } from '../../src/core/formats/content.js';
import type { OutputFile } from '../../src/core/formats/types.js';

/** The project's own sample transformers (fixtures/transformers). */
export const TRANSFORMERS = path.resolve(__dirname, '../../fixtures/transformers');

/** The vendor's export-transformer template, as the "Export Transformer" page gives it. */
export const TEMPLATE = `/**
 * This function should be written as this template and return string.
 */
(document: Exportable): string => {
  /// Implement export function here
  return document.cells.map((cell) => cell.content).join('\\n');
};
`;

export async function text(file: OutputFile): Promise<string> {
  return new TextDecoder().decode(await contentBytes(file.content));
}
