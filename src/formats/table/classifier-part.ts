import type { Document } from '../../model/types.js';
import type { KindPart } from '../by-kind.js';
import { outputFileName } from '../naming.js';
import type { OutputFile, WriteContext } from '../types.js';
import { classifierExamples, type ClassifierExample } from './classifier.js';
import { combinedFileName, documentContext } from './combined.js';
import { CLASSIFIER_KINDS } from './kinds.js';

/**
 * One classifier target's layout: a header (or none) and one line per example. `prepare` is made
 * once per output file so label renames are decided (and reported) once per file.
 */
export interface ClassifierLayout {
  extension: string;
  header: string;
  prepare(ctx: WriteContext): (example: ClassifierExample, ctx: WriteContext) => string;
}

/**
 * The table part of a classifier registry entry: one file per document, and with `--combine` one
 * training file for every document of the project (the usual way these services train).
 */
export function classifierPart(layout: ClassifierLayout): KindPart {
  const lines = (docs: readonly Document[], ctx: WriteContext, single: boolean): string => {
    const line = layout.prepare(ctx);
    let out = layout.header;
    for (const doc of docs) {
      const docCtx = single ? ctx : documentContext(doc, ctx);
      for (const example of classifierExamples(doc, docCtx.options, docCtx.report) ?? []) out += line(example, docCtx);
    }
    return out;
  };
  return {
    kinds: CLASSIFIER_KINDS,
    writeDocument(doc, ctx): OutputFile[] {
      return [{ name: outputFileName(doc.name, layout.extension), content: lines([doc], ctx, true) }];
    },
    writeCombined(docs, ctx): OutputFile[] {
      return [{ name: combinedFileName(docs, layout.extension), content: lines(docs, ctx, false) }];
    },
  };
}
