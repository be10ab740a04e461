import type { Document, Span } from '../../model/types.js';
import { compareSpans } from '../../model/positions.js';
import type { KindPart } from '../by-kind.js';
import { plainFileName } from './plain.js';
import type { WriteContext } from '../types.js';
import { outputFileName } from '../../model/naming.js';
import { csvRecord, escapeFormula } from './csv-line.js';
import { reportNotRepresented } from './not-represented.js';
import { prepareSpans } from './prepare.js';
import { OffsetCounter, reportOffsetUnit, spanRowRange } from './text.js';

export const TOKEN_CSV_HEADER = ['File', 'Line', 'Begin Offset', 'End Offset', 'Type', 'Label Status'] as const;

/**
 * CSV for token projects (documented as "like the Comprehend CSV plus Label Status"): one record per
 * span of every label set, so overlaps need no policy. `File` is the PLAIN file name, `Line` the
 * row, offsets inside the row's content (unit from `--offsets`, end exclusive), `Type` the label
 * name as it is. Char-level spans keep their exact characters; a span across rows is written as
 * one record per row. `Label Status` is the label's status, or `CONFLICT` for an unresolved
 * conflict kept with `--include-conflicts` (decided). CRLF and minimal quoting like the row CSV.
 */
export const tokenCsvPart: KindPart = {
  kinds: ['TOKEN_BASED'],
  writeDocument(doc, ctx) {
    const bom = ctx.options.bom ? '\uFEFF' : '';
    return [{ name: outputFileName(doc.name, 'csv'), content: bom + csvRecord(TOKEN_CSV_HEADER) + tokenCsvRecords(doc, ctx) }];
  },
};

function tokenCsvRecords(doc: Document, ctx: WriteContext): string {
  const { report, options } = ctx;
  reportNotRepresented(doc, report);
  reportOffsetUnit(report, options.offsets);
  const tiers = prepareSpans(doc, ctx, { widen: false, crossRow: 'split', labelSets: 'all', overlaps: 'hold', columns: false });
  const spans: Span[] = tiers.flatMap((t) => t.spans).sort((a, b) => compareSpans(doc, a, b) || a.layer - b.layer);
  const counter = OffsetCounter.of(doc, options.offsets);
  const file = escapeFormula(plainFileName(doc.name), options.escapeFormulas, report);
  let out = '';
  for (const span of spans) {
    const range = spanRowRange(doc, span, report);
    const content = doc.rows[range.startRow]?.cells[0]?.content ?? '';
    const status = span.labeledBy === 'CONFLICT' ? 'CONFLICT' : span.status;
    const type = escapeFormula(span.labelName, options.escapeFormulas, report);
    out += csvRecord([file, range.startRow, counter.in(content, range.start), counter.in(content, range.end), type, status]);
  }
  return out;
}
