import type { Document } from '../../model/types.js';
import type { KindPart } from '../by-kind.js';
import { outputFileName } from '../../model/naming.js';
import { plainFileName } from './plain.js';
import type { OutputFile, WriteContext } from '../types.js';
import { csvRecord } from './csv-line.js';
import { COMPREHEND_TYPE_MAX_LENGTH, LabelNamer, comprehendType } from './names.js';
import { reportNotRepresented } from './not-represented.js';
import { prepareSpans } from './prepare.js';
import { spanMessage } from './place.js';
import { OffsetCounter, documentText, reportOffsetUnit, spanRowRange } from './text.js';

export const COMPREHEND_ENTITY_HEADER = ['File', 'Line', 'Begin Offset', 'End Offset', 'Type'] as const;

/**
 * AMAZON_COMPREHEND_CSV for token projects: Comprehend's entity-annotation CSV ("one document per
 * line" input) plus, per document, the PLAIN text its offsets point into. `File` is that text
 * file's name, `Line` the line in it, offsets within the line (end exclusive, `--offsets` unit).
 * Comprehend takes one label set, no overlaps and no entity across lines: those follow
 * `--label-set`, `--overlap` and are reported. Types are renamed to UPPER_SNAKE.
 * `--combine` writes one annotation file for all documents of the cabinet, next to their texts.
 */
export const comprehendEntitiesPart: KindPart = {
  kinds: ['TOKEN_BASED'],
  writeDocument(doc, ctx) {
    const namer = new LabelNamer(comprehendType, 'TYPE_', 'Comprehend', COMPREHEND_TYPE_MAX_LENGTH);
    return [
      { name: outputFileName(doc.name, 'csv'), content: csvRecord(COMPREHEND_ENTITY_HEADER) + comprehendRecords(doc, ctx, namer) },
      { name: plainFileName(doc.name), content: documentText(doc).text },
    ];
  },
  writeCombined(docs, ctx) {
    const namer = new LabelNamer(comprehendType, 'TYPE_', 'Comprehend', COMPREHEND_TYPE_MAX_LENGTH);
    let content = csvRecord(COMPREHEND_ENTITY_HEADER);
    for (const doc of docs) content += comprehendRecords(doc, Object.assign({}, ctx, { report: ctx.report.scope({ document: doc.name, cabinet: doc.cabinet.folder }) }), namer);
    return [{ name: combinedFileName(docs, 'csv'), content } satisfies OutputFile];
  },
};

/** `--combine` output name: the project folder name with the format's extension (decided). */
export function combinedFileName(docs: readonly Document[], extension: string): string {
  return `${docs[0]?.project.folder ?? 'project'}.${extension}`;
}

function comprehendRecords(doc: Document, ctx: WriteContext, namer: LabelNamer): string {
  const { report, options } = ctx;
  reportNotRepresented(doc, report);
  reportOffsetUnit(report, options.offsets);
  const [tier] = prepareSpans(doc, ctx, { widen: false, crossRow: 'drop', labelSets: 'one', overlaps: 'policy', columns: false });
  const { text, rowStart } = documentText(doc);
  const lines = new LineIndex(text);
  const counter = OffsetCounter.of(doc, options.offsets);
  const file = plainFileName(doc.name);
  let out = '';
  for (const span of tier.spans) {
    const range = spanRowRange(doc, span, report);
    const begin = lines.locate(rowStart[range.startRow] + range.start);
    const end = lines.locate(rowStart[range.endRow] + range.end);
    // A row whose content holds a line break spans several PLAIN lines; an entity may not hold one
    // (an end just past a line break still holds it: the entity's text would lose that character).
    if (end.line !== begin.line) {
      report.add(spanMessage('SpanCrossesRows', 'span crosses a line break inside its row; Comprehend entities stay on one line', span));
      continue;
    }
    const lineText = lines.text(begin.line);
    const [beginOffset, endOffset] = [counter.in(lineText, begin.column), counter.in(lineText, end.column)];
    // Tokens missing from the content get fallback offsets that can be empty (at the end of the
    // row); Comprehend refuses an entity without characters, so it is named instead of written.
    if (beginOffset >= endOffset) {
      report.add(spanMessage('SpanWithoutText', 'span covers no characters of the PLAIN text (its tokens are not in the content); Comprehend refuses empty entities', span));
      continue;
    }
    const type = namer.name(span.labelName, report, span.labelItemId);
    out += csvRecord([file, begin.line, beginOffset, endOffset, type]);
  }
  return out;
}

/** Line/column of UTF-16 offsets in a text, lines split at `\n` (how Comprehend reads a document per line). */
class LineIndex {
  private readonly starts: number[] = [0];
  constructor(private readonly source: string) {
    for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  locate(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, column: offset - this.starts[lo] };
  }
  text(line: number): string {
    const start = this.starts[line];
    const next = this.starts[line + 1];
    return this.source.slice(start, next === undefined ? undefined : next - 1);
  }
}
