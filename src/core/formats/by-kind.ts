import type { Document, ProjectKind } from '../model/types.js';
import type { FormatName, FormatWriter, OutputFile, WriteContext } from './types.js';

/** One part of a format that exists for several project kinds (CSV for token and for row projects). */
export interface KindPart {
  kinds: readonly ProjectKind[];
  writeDocument(doc: Document, ctx: WriteContext): OutputFile[] | Promise<OutputFile[]>;
  writeCombined?(docs: readonly Document[], ctx: WriteContext): OutputFile[] | Promise<OutputFile[]>;
  /** As `FormatWriter.streamsRows`, for the documents this part writes. */
  streamsRows?: boolean;
}

/**
 * Datasaur uses one format name for different layouts by project kind (AMAZON_COMPREHEND_CSV is an
 * entity file for token projects and a classifier file for row projects). This joins the parts
 * into one registry entry; the first part whose kinds match the document wins, in the order given.
 */
export function byKind(name: FormatName, extension: string, description: string, parts: KindPart[]): FormatWriter {
  const partFor = (kinds: readonly ProjectKind[]) => parts.find((p) => p.kinds.some((k) => kinds.includes(k)));
  return {
    name,
    extension,
    description,
    kinds: [...new Set(parts.flatMap((p) => p.kinds))],
    // Streamed documents are row documents (never token ones): the part that writes those decides.
    streamsRows: partFor(['ROW_BASED'])?.streamsRows === true,
    writeDocument(doc, ctx) {
      const part = partFor(doc.kinds);
      if (!part) throw new Error(`${name} has no part for kinds ${doc.kinds.join(',')}`);
      return part.writeDocument(doc, ctx);
    },
    async writeCombined(docs, ctx) {
      const files: OutputFile[] = [];
      for (const part of parts) {
        const mine = docs.filter((d) => partFor(d.kinds) === part);
        if (mine.length && part.writeCombined) files.push(...(await part.writeCombined(mine, ctx)));
      }
      return files;
    },
  };
}
