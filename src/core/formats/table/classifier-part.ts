import type { Document } from '../../model/types.js';
import type { KindPart } from '../by-kind.js';
import { outputFileName } from '../../model/naming.js';
import type { OutputFile, WriteContext } from '../types.js';
import { classifierExamples, type ClassifierExample } from './classifier.js';
import { combinedFileName, documentContext } from './combined.js';
import { CLASSIFIER_KINDS } from './kinds.js';
import { streamedClassifierExamples } from './classifier-stream.js';
import { streamedText } from './streamed-text.js';

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
  /** The file's text, or null when no document could give examples (each one says why in the report). */
  const lines = (docs: readonly Document[], ctx: WriteContext, single: boolean): string | null => {
    const line = layout.prepare(ctx);
    let out = layout.header;
    let applicable = false;
    for (const doc of docs) {
      const docCtx = single ? ctx : documentContext(doc, ctx);
      const examples = classifierExamples(doc, docCtx.options, docCtx.report);
      if (examples) applicable = true;
      for (const example of examples ?? []) out += line(example, docCtx);
    }
    return applicable ? out : null;
  };
  /** A document whose rows are streamed: its lines are made a batch of rows at a time as the file is read. */
  const streamedFile = async (doc: Document, ctx: WriteContext): Promise<OutputFile[]> => {
    const line = layout.prepare(ctx);
    const examples = await streamedClassifierExamples(doc, ctx.options, ctx.report);
    if (!examples) return [];
    const parts = async function* () {
      yield layout.header;
      for await (const batch of examples.pass(ctx.report)) {
        let text = '';
        for (const example of batch) text += line(example, ctx);
        yield text;
      }
    };
    return [{ name: outputFileName(doc.name, layout.extension), content: streamedText(parts()) }];
  };
  return {
    kinds: CLASSIFIER_KINDS,
    streamsRows: true,
    writeDocument(doc, ctx): OutputFile[] | Promise<OutputFile[]> {
      if (doc.rowStream) return streamedFile(doc, ctx);
      const content = lines([doc], ctx, true);
      return content === null ? [] : [{ name: outputFileName(doc.name, layout.extension), content }];
    },
    writeCombined(docs, ctx): OutputFile[] {
      const content = lines(docs, ctx, false);
      return content === null ? [] : [{ name: combinedFileName(docs, layout.extension), content }];
    },
  };
}
