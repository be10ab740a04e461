/**
 * What an export job holds and how it fails: shared by the job runner (`jobs.ts`) and the renderer
 * (`render.ts`), kept apart so neither imports the other.
 */
import type { SimDocumentCopy, SimProject } from './projects.js';

export interface JobErrorOut {
  id: string;
  stack: string;
  args: unknown;
}

/** What one export contains: whole projects (a ZIP) or one document copy (a bare file). */
export type JobContent = { kind: 'projects'; projects: Array<{ project: SimProject; copies: SimDocumentCopy[] }> } | { kind: 'document'; project: SimProject; copy: SimDocumentCopy };
