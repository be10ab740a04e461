import type { Document } from '../../model/types.js';
import type { WriteContext } from '../types.js';

/** `--combine` output name: the project folder name with the format's extension (decided; the token writers use the same rule). */
export function combinedFileName(docs: readonly Document[], extension: string): string {
  return `${docs[0]?.project.folder ?? 'project'}.${extension}`;
}

/** The caller scopes the report to one document; a combined file scopes it to each document in turn. */
export function documentContext(doc: Document, ctx: WriteContext): WriteContext {
  return Object.assign({}, ctx, { report: ctx.report.scope({ document: doc.name, cabinet: doc.cabinet.folder }) });
}
