import type { Document } from '../../model/types.js';
import { InputError } from '../../errors.js';
import type { KindPart } from '../by-kind.js';
import { combinedFileName } from './comprehend-entities.js';
import { outputFileName } from '../../model/naming.js';
import type { ConvertOptions } from '../options.js';
import type { OutputFile, WriteContext } from '../types.js';
import { csvRecord } from './csv-line.js';
import { LabelNamer, VERTEX_ENTITY_LABEL_LENGTH, vertexEntityLabel } from './names.js';
import { reportNotRepresented } from './not-represented.js';
import { prepareSpans } from './prepare.js';
import { spanMessage } from './place.js';
import { OffsetCounter, documentText, reportOffsetUnit, spanRowRange } from './text.js';

export const VERTEX_ML_USES = ['training', 'validation', 'test'] as const;

/**
 * GCP_VERTEX_AI_CSV for token projects (entity extraction): one JSONL document per input document,
 * `{"textContent", "textSegmentAnnotations":[{"startOffset","endOffset","displayName"}]}` with
 * offsets into the whole text (the PLAIN text; end exclusive; `--offsets` unit), plus the import
 * CSV Vertex reads, one line `[ml_use,]gs://<--gcs-prefix>/<file>.jsonl` per JSONL file. Spans
 * across rows stay whole (the text holds them); char-level spans keep their characters. One label
 * set, overlaps by `--overlap`, label names reduced to `A-Za-z0-9_` and 2 to 30 characters.
 * `--combine` writes one JSONL with a line per document and one import CSV naming it.
 */
export const vertexEntitiesPart: KindPart = {
  kinds: ['TOKEN_BASED'],
  writeDocument(doc, ctx) {
    const { prefix, mlUse } = vertexImportOptions(ctx.options);
    const jsonl = outputFileName(doc.name, 'jsonl');
    const line = vertexJsonLine(doc, ctx, new LabelNamer(vertexEntityLabel, 'label_', 'Vertex', VERTEX_ENTITY_LABEL_LENGTH.max));
    return [{ name: jsonl, content: line + '\n' }, ...importFile(prefix, mlUse, jsonl, outputFileName(doc.name, 'csv'), ctx)];
  },
  writeCombined(docs, ctx) {
    const { prefix, mlUse } = vertexImportOptions(ctx.options);
    const namer = new LabelNamer(vertexEntityLabel, 'label_', 'Vertex', VERTEX_ENTITY_LABEL_LENGTH.max);
    const jsonl = combinedFileName(docs, 'jsonl');
    const lines = docs.map((doc) => vertexJsonLine(doc, Object.assign({}, ctx, { report: ctx.report.scope({ document: doc.name, cabinet: doc.cabinet.folder }) }), namer) + '\n');
    return [{ name: jsonl, content: lines.join('') }, ...importFile(prefix, mlUse, jsonl, combinedFileName(docs, 'csv'), ctx)] satisfies OutputFile[];
  },
};

function vertexJsonLine(doc: Document, ctx: WriteContext, namer: LabelNamer): string {
  const { report, options } = ctx;
  reportNotRepresented(doc, report);
  reportOffsetUnit(report, options.offsets);
  const [tier] = prepareSpans(doc, ctx, { widen: false, crossRow: 'keep', labelSets: 'one', overlaps: 'policy', columns: false });
  const { text, rowStart } = documentText(doc);
  const counter = OffsetCounter.of(doc, options.offsets);
  const annotations: Array<{ startOffset: number; endOffset: number; displayName: string }> = [];
  for (const span of tier.spans) {
    const range = spanRowRange(doc, span, report);
    const startOffset = counter.in(text, rowStart[range.startRow] + range.start);
    const endOffset = counter.in(text, rowStart[range.endRow] + range.end);
    // Tokens missing from the content can leave a span no characters; Vertex refuses empty segments.
    if (endOffset <= startOffset) {
      report.add(spanMessage('SpanWithoutText', 'span covers no characters of the text (its tokens are not in the content); Vertex refuses empty segments', span));
      continue;
    }
    annotations.push({ startOffset, endOffset, displayName: namer.name(span.labelName, report, span.labelItemId) });
  }
  return JSON.stringify({ textContent: text, textSegmentAnnotations: annotations });
}

/**
 * The import CSV names each JSONL by its Cloud Storage URI, so it needs `--gcs-prefix`. Without
 * one, the JSONL files are still written (they are the training data) and the missing import CSV
 * is reported, so `--to all` works without Vertex-specific flags. A prefix that is not a gs://
 * URI is a usage error. `--ml-use` is optional.
 */
export function vertexImportOptions(options: Pick<ConvertOptions, 'gcsPrefix' | 'mlUse'>): { prefix?: string; mlUse?: string } {
  const prefix = options.gcsPrefix?.replace(/\/+$/, '');
  if (prefix !== undefined && !/^gs:\/\/[^/]+/.test(prefix)) {
    throw new InputError('BAD_OPTION', 'GCP_VERTEX_AI_CSV needs the Cloud Storage folder the JSONL files will be uploaded to', {
      where: '--gcs-prefix',
      expected: 'gs://<bucket>[/<folder>]',
      hint: 'Example: --gcs-prefix gs://my-bucket/datasaur-export',
    });
  }
  const mlUse = options.mlUse?.toLowerCase();
  if (mlUse !== undefined && !(VERTEX_ML_USES as readonly string[]).includes(mlUse)) {
    throw new InputError('BAD_OPTION', `unknown ml_use "${options.mlUse}"`, { where: '--ml-use', expected: VERTEX_ML_USES.join(', ') });
  }
  return { prefix, mlUse };
}

function importFile(prefix: string | undefined, mlUse: string | undefined, jsonl: string, name: string, ctx: WriteContext): OutputFile[] {
  if (prefix === undefined) {
    ctx.report.once('ImportFileNotWritten:vertex', {
      kind: 'ImportFileNotWritten',
      text: 'the Vertex import CSV lists gs:// URIs and needs --gcs-prefix; only the JSONL was written',
    });
    return [];
  }
  const uri = `${prefix}/${jsonl}`;
  return [{ name, content: csvRecord(mlUse ? [mlUse, uri] : [uri]) }];
}
