import type { Document } from '../../model/types.js';
import { outputFileName } from '../../model/naming.js';
import { InputError } from '../../errors.js';
import type { Report } from '../../report/report.js';
import type { FormatWriter, OutputFile, WriteContext } from '../types.js';
import { combinedFileName } from '../token/comprehend-entities.js';
import { buildExportable } from './build-exportable.js';
import type { TransformerFailure, TransformerOutcome, TransformerRunner } from './runner.js';

/**
 * CUSTOM: the server's "export using File Transformer", run here. The transformer the caller
 * injected (`ConvertOptions.transformer`, built by `loadTransformer` in Node) gets each document's
 * `Exportable` and returns the file's text. A transformer that throws, runs out of time or memory,
 * or returns something other than a string fails that document only (`TransformerFailed`, naming
 * the transformer's line and column); the run's other documents go on.
 *
 * File `<document name>.<--transformer-ext>` (the extension is not added twice, as for every
 * format). The file is the returned text followed by one newline, as every line of a text file
 * ends (decided): so the documented template `cells.map(c => c.content).join('\n')` gives PLAIN's
 * bytes, also for a document whose last row is empty. An empty result writes an empty file.
 * `--combine` writes one file for the project: the documents' results joined with a newline (and
 * the final one), in document order.
 */
export const customWriter: FormatWriter = {
  name: 'CUSTOM',
  kinds: ['TOKEN_BASED', 'ROW_BASED', 'DOCUMENT_BASED'],
  extension: 'txt',
  description: 'the text your export transformer returns (--transformer my-export.ts), as the server\'s "export using File Transformer"',
  // `--to all` writes CUSTOM only when a transformer was given.
  inAll: (options) => options.transformer !== undefined,
  async writeDocument(doc, ctx) {
    const extension = transformerExtension(ctx.options.transformerExt);
    const outcome = await transformed(doc, ctx);
    if (!outcome.ok) return [];
    return [{ name: outputFileName(doc.name, extension), content: withFinalNewline(outcome.text) }];
  },
  async writeCombined(docs, ctx) {
    const extension = transformerExtension(ctx.options.transformerExt);
    let text = '';
    for (const doc of docs) {
      const outcome = await transformed(doc, Object.assign({}, ctx, { report: ctx.report.scope({ document: doc.name, cabinet: doc.cabinet.folder }) }));
      if (outcome.ok) text += withFinalNewline(outcome.text);
    }
    return [{ name: combinedFileName(docs, extension), content: text }] satisfies OutputFile[];
  },
};

/** One run of the transformer per document and transformer: `--combine` reuses the per-document results. */
const outcomes = new WeakMap<TransformerRunner, WeakMap<Document, Promise<TransformerOutcome>>>();

function transformed(doc: Document, ctx: WriteContext): Promise<TransformerOutcome> {
  const runner = ctx.options.transformer;
  if (!runner) {
    throw new InputError('BAD_OPTION', 'CUSTOM needs an export transformer', {
      where: '--transformer',
      expected: 'a .ts or .js file holding `(document: Exportable): string => …`',
      hint: 'Example: --to CUSTOM --transformer my-export.ts',
    });
  }
  let byDocument = outcomes.get(runner);
  if (!byDocument) outcomes.set(runner, (byDocument = new WeakMap()));
  let outcome = byDocument.get(doc);
  if (!outcome) {
    outcome = runner.run(buildExportable(doc, ctx)).then((result) => {
      reportOutcome(runner.file, result, ctx.report);
      return result;
    });
    byDocument.set(doc, outcome);
  }
  return outcome;
}

function reportOutcome(file: string, outcome: TransformerOutcome, report: Report): void {
  if (outcome.logs.length) {
    report.add({ kind: 'TransformerLog', text: `${file} logged:\n${outcome.logs.join('\n')}`, place: { file } });
  }
  if (!outcome.ok) {
    report.add({ kind: 'TransformerFailed', text: failureText(file, outcome), place: { file, ...(outcome.line ? { line: outcome.line } : {}) } });
  }
}

/** `my-export.ts:12:5: TypeError: … (no file written for this document)`. */
export function failureText(file: string, failure: TransformerFailure): string {
  const at = failure.line ? `${file}:${failure.line}${failure.column ? `:${failure.column}` : ''}` : file;
  return `${at}: ${failure.message} (no file written for this document)`;
}

function withFinalNewline(text: string): string {
  return text === '' ? text : `${text}\n`;
}

/** `--transformer-ext`: a file extension, with or without its dot. */
export function transformerExtension(raw: string): string {
  const extension = raw.replace(/^\./, '');
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/.test(extension)) {
    throw new InputError('BAD_OPTION', `"${raw}" is not a file extension`, { where: '--transformer-ext', expected: 'letters, digits, . _ - (up to 20), e.g. jsonl' });
  }
  return extension;
}
