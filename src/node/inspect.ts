import { inspectOpened, type InspectOptions, type InspectResult } from '../core/inspect.js';
import type { ExportInput } from '../core/export-input.js';
import { openPathOrExport, type OpenOptions } from './open-input.js';

export { countDocument, type DocumentCounts, type InspectOptions, type InspectResult, type ProjectSummary } from '../core/inspect.js';

/**
 * Counts what a ZIP, folder or document file holds (or an input in memory, such as standard
 * input), per project, cabinet and document (`inspect`).
 */
export async function inspectInput(input: string | ExportInput, options: OpenOptions & InspectOptions = {}): Promise<InspectResult> {
  const opened = await openPathOrExport(input, options);
  return inspectOpened(opened, typeof input === 'string' ? input : opened.path, options);
}
