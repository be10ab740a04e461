import { inspectOpened, type InspectOptions, type InspectResult } from '../core/inspect.js';
import { openInput, type OpenOptions } from './open-input.js';

export { countDocument, type DocumentCounts, type InspectOptions, type InspectResult, type ProjectSummary } from '../core/inspect.js';

/** Counts what a ZIP, folder or document file holds, per project, cabinet and document (`inspect`). */
export async function inspectInput(input: string, options: OpenOptions & InspectOptions = {}): Promise<InspectResult> {
  return inspectOpened(await openInput(input, options), input, options);
}
