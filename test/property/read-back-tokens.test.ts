import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConvertOptions } from '../../src/core/formats/options.js';
import { findWriter } from '../../src/core/formats/registry.js';
import { documentText, spanRowRange } from '../../src/core/formats/token/text.js';
import { offsetConverter } from '../../src/core/model/offsets.js';
import { parseDocumentText } from '../../src/core/read/parse-document.js';
import type { Document, Span } from '../../src/core/model/types.js';
import { Report, type ConversionMessage } from '../../src/core/report/report.js';
import { tokenDocumentArb } from './arbitraries/token-document.js';
import { asTsvText, keptSpans, multiset, namedIds, pieces, rowsWithTokens } from './accounting.js';
import { HEAVY_RUNS, PROPERTY_TIMEOUT, propertyParams } from './config.js';
import { runWriter, type WrittenFile } from './run-writer.js';

/**
 * Issue 11 item 4 for token projects: every token format we write that carries labels is read
 * back by our readers into the model and compared with the document written, span by span (label
 * and position: tokens for the tag formats, characters for the offset formats). Every difference
 * is one the writer's report names: spans left out (by id), widened to tokens, split at rows,
 * labels renamed or with whitespace replaced; what the format cannot carry (ids, statuses,
 * label-set names) the reader reports as defaulted.
 */
const optionsArb = fc.record({
  overlap: fc.constantFrom<ConvertOptions['overlap']>('first', 'longest', 'columns', 'error'),
  includeConflicts: fc.boolean(),
  labelSet: fc.nat({ max: 4 }),
  scheme: fc.constantFrom<ConvertOptions['scheme']>('IOB2', 'IOB1', 'IOBES', 'BILOU'),
});

interface ReadBack {
  doc: Document;
  messages: ConversionMessage[];
}

function readBack(main: WrittenFile, format: string, companions: readonly WrittenFile[]): ReadBack {
  const report = new Report();
  const doc = parseDocumentText(main.text, { file: main.name, report, inputFormat: format, companion: (name) => companions.find((f) => f.name === name)?.text });
  return { doc, messages: report.all() };
}

/** `label "X" written as "Y"` messages of a run: the renames a target's naming rules made. */
function renames(messages: readonly ConversionMessage[]): Map<string, string> {
  return new Map(
    messages.filter((m) => m.kind === 'LabelRenamed').flatMap((m) => {
      const found = /^label "(.*)" written as "(.*)" \(/s.exec(m.text);
      return found ? [[found[1], found[2]] as const] : [];
    }),
  );
}

const warningsOf = (messages: readonly ConversionMessage[]) => messages.filter((m) => m.severity !== 'info');

/** Token-position view of a read-back span: row of the original document (via rows that have tokens), tokens, label, layer. */
function tagView(back: Document, original: Document) {
  const rows = rowsWithTokens(original);
  return back.spans.map((s) => ({ row: rows[s.start.row], start: s.start.token, end: s.end.token, label: s.labelName, layer: s.layer }));
}

/**
 * Character view: UTF-16 range in the document's PLAIN text, label. Read back, rows are the text's
 * lines, so a line break is between rows, never in one: a line break at the edge of a range (a row
 * of the written document may hold one) is not part of the labelled characters (docs/formats.md).
 */
function charView(doc: Document, spans: readonly Span[], label: (s: Span) => string = (s) => s.labelName) {
  const { text, rowStart } = documentText(doc);
  // Code points, the unit the files count in: a range that splits a surrogate pair (a token not
  // found in the content gets fallback offsets) is written, and read back, as its whole code point.
  const codepoint = offsetConverter(text, 'codepoint');
  return spans.map((s) => {
    const r = spanRowRange(doc, s, new Report());
    let [start, end] = [rowStart[r.startRow] + r.start, rowStart[r.endRow] + r.end];
    while (end > start && text[end - 1] === '\n') end--;
    while (start < end && text[start] === '\n') start++;
    return { start: codepoint(start), end: codepoint(end), label: label(s), status: s.labeledBy === 'CONFLICT' ? 'CONFLICT' : s.status };
  });
}

/** A span across rows as its per-row pieces, keeping its first and last characters; the split must be reported. */
function rowPieces(doc: Document, span: Span, messages: readonly ConversionMessage[]): Span[] {
  expect(messages.some((m) => m.kind === 'SpanSplitAtRow' && m.labelId === span.id), `split span ${span.id} named`).toBe(true);
  return pieces(doc, span).map((p) => {
    const last = doc.rows[p.row].cells[0].tokens[p.end] ?? '';
    return {
      ...span,
      start: { row: p.row, column: 0, token: p.start, char: p.row === span.start.row ? span.start.char : 0 },
      end: { row: p.row, column: 0, token: p.end, char: p.row === span.end.row ? span.end.char : Math.max(0, last.length - 1) },
    };
  });
}

const tagKey = (p: { row: number; start: number; end: number; label: string; layer?: number }) => `${p.row}:${p.start}-${p.end}:${p.label}${p.layer === undefined ? '' : `@${p.layer}`}`;
const charKey = (p: { start: number; end: number; label: string }) => `${p.start}-${p.end}:${p.label}`;

describe('read back every token format we write (issue 11 item 4)', { timeout: PROPERTY_TIMEOUT }, () => {
  it('TSV_IOB (every scheme), TSV_NON_IOB, AZURE_AUTOML_CSV CoNLL: the same tokens and spans, differences named', async () => {
    await fc.assert(
      fc.asyncProperty(tokenDocumentArb, optionsArb, async (doc, partial) => {
        const options = { ...partial, labelSet: partial.labelSet % doc.labelSets.length };
        for (const format of ['TSV_IOB', 'TSV_NON_IOB', 'AZURE_AUTOML_CSV']) {
          const run = await runWriter(findWriter(format)!, doc, options);
          const where = `${format} ${options.overlap} ${options.scheme}`;
          const main = run.files![0];
          const back = readBack(main, format, []);
          // Our own output needs no repair.
          expect(warningsOf(back.messages), where).toEqual([]);
          if (main.text.trim() === '') continue;
          // Tokens: rows that have tokens, whitespace inside a token replaced as the writer reported.
          const azure = format === 'AZURE_AUTOML_CSV';
          const tokenAs = (t: string) => (azure ? (t === '' ? '_' : t.replace(/\s+/g, '_')) : asTsvText(t));
          const expectedRows = rowsWithTokens(doc).map((r) => doc.rows[r].cells[0].tokens.map(tokenAs));
          expect(back.doc.rows.map((r) => r.cells[0].tokens), where).toEqual(expectedRows);
          if (expectedRows.flat().some((t, i) => t !== rowsWithTokens(doc).flatMap((r) => doc.rows[r].cells[0].tokens)[i])) {
            expect(run.messages.some((m) => m.kind === 'WhitespaceReplaced'), where).toBe(true);
          }
          // Spans: every span the report does not name as left out, in whole tokens (widened, reported),
          // one piece per row (split, reported); labels as the writer says it wrote them.
          const names = renames(run.messages);
          const kept = keptSpans(doc, run.messages);
          const withLayer = format === 'TSV_IOB' || format === 'TSV_NON_IOB' ? options.overlap !== 'columns' : false;
          const written = tagView(back.doc, doc).map((p) => ({ ...p, layer: withLayer ? p.layer : undefined }));
          const expected = kept
            .flatMap((s) => pieces(doc, s))
            .map((p) => ({ row: p.row, start: p.start, end: p.end, label: azure ? names.get(p.label) ?? p.label : asTsvText(p.label), layer: withLayer ? p.layer : undefined }));
          if (format === 'TSV_NON_IOB') {
            // Bare tags cannot show where one span ends and the next begins: compare tagged tokens.
            const perToken = (ps: typeof expected) => ps.flatMap((p) => Array.from({ length: p.end - p.start + 1 }, (_, i) => ({ ...p, start: p.start + i, end: p.start + i })));
            expect(multiset(perToken(written), tagKey), where).toEqual(multiset(perToken(expected.map((p) => ({ ...p, label: p.label === 'O' ? names.get('O') ?? 'O' : p.label }))), tagKey));
          } else {
            expect(multiset(written, tagKey), where).toEqual(multiset(expected, tagKey));
          }
          // Each difference in position is named: partial-token spans widened, cross-row spans split.
          for (const s of kept) {
            const partial = s.start.char !== 0 || s.end.char !== Math.max(0, (doc.rows[s.end.row]?.cells[0]?.tokens[s.end.token] ?? '').length - 1);
            if (partial) expect(namedIds(run.messages).has(s.id), `${where}: widened span ${s.id} named`).toBe(true);
            if (s.start.row !== s.end.row && pieces(doc, s).length > 1) expect(run.messages.some((m) => m.kind === 'SpanSplitAtRow' && m.labelId === s.id), `${where}: split span ${s.id} named`).toBe(true);
          }
          // What the layout cannot carry is named: arrows and timestamps by the writer, ids and statuses by the reader.
          for (const a of doc.arrows) expect(namedIds(run.messages).has(a.id), `${where}: arrow ${a.id}`).toBe(true);
          for (const t of doc.timestamps) expect(namedIds(run.messages).has(t.id), `${where}: timestamp ${t.id}`).toBe(true);
          expect(back.messages.filter((m) => m.kind === 'MissingFieldDefaulted').map((m) => m.place?.jsonPath)).toEqual(expect.arrayContaining(['spans[].status', 'spans[].id']));
        }
      }),
      propertyParams(HEAVY_RUNS),
    );
  });

  it('AMAZON_COMPREHEND_CSV (+ its PLAIN text), GCP_VERTEX_AI_CSV JSONL, token CSV (+ PLAIN): the same characters and labels, differences named', async () => {
    await fc.assert(
      fc.asyncProperty(tokenDocumentArb, optionsArb, async (doc, partial) => {
        const options = { ...partial, labelSet: partial.labelSet % doc.labelSets.length };
        const plain = (await runWriter(findWriter('PLAIN')!, doc)).files!;
        for (const format of ['AMAZON_COMPREHEND_CSV', 'GCP_VERTEX_AI_CSV', 'CSV']) {
          const run = await runWriter(findWriter(format)!, doc, options);
          const where = `${format} ${options.overlap}`;
          const main = run.files!.find((f) => f.name.endsWith(format === 'GCP_VERTEX_AI_CSV' ? '.jsonl' : '.csv'))!;
          // The token CSV's Line counts rows; rows are the PLAIN text's lines only when no row holds a
          // line break (documented in docs/formats.md): such documents are compared by the other two.
          if (format === 'CSV' && doc.rows.some((r) => /\n/.test(r.cells[0].content))) continue;
          const back = readBack(main, format, format === 'CSV' ? plain : run.files!);
          // The text is the PLAIN text, row by line.
          expect(documentText(back.doc).text, where).toBe(documentText(doc).text);
          const names = renames(run.messages);
          let kept = keptSpans(doc, run.messages);
          // The token CSV writes a span across rows as one record per row (SpanSplitAtRow, reported).
          if (format === 'CSV') kept = kept.flatMap((s) => (s.start.row === s.end.row ? [s] : rowPieces(doc, s, run.messages)));
          let expected = charView(doc, kept, (s) => names.get(s.labelName) ?? s.labelName);
          // A span whose tokens are not in the content may have no characters (the token CSV writes
          // it with equal offsets) or white space only: the reader names what it cannot place
          // (AnnotationSkipped) instead of inventing text. Every other span comes back.
          const text = [...documentText(doc).text];
          const blank = (p: { start: number; end: number }) => p.end <= p.start || text.slice(p.start, p.end).join('').trim() === '';
          const skipped = warningsOf(back.messages);
          expect(skipped.every((m) => m.kind === 'AnnotationSkipped'), where).toBe(true);
          const written = charView(back.doc, back.doc.spans);
          const missing = [...multiset(expected, charKey)];
          for (const key of multiset(written, charKey)) {
            const at = missing.indexOf(key);
            expect(at, `${where}: ${key} read back but not written`).toBeGreaterThanOrEqual(0);
            missing.splice(at, 1);
          }
          expect(missing.length, `${where}: ${missing.join(', ')} not read back`).toBe(skipped.length);
          for (const key of missing) expect(blank(expected.find((p) => charKey(p) === key)!), `${where}: ${key} skipped but has text`).toBe(true);
          expected = expected.filter((p) => !missing.includes(charKey(p)));
          if (format === 'CSV') expect(multiset(written, (p) => `${charKey(p)}:${p.status}`), where).toEqual(multiset(expected, (p) => `${charKey(p)}:${p.status}`));
          for (const a of doc.arrows) expect(namedIds(run.messages).has(a.id), `${where}: arrow ${a.id}`).toBe(true);
          expect(back.messages.some((m) => m.kind === 'MissingFieldDefaulted' && m.place?.jsonPath === 'rows[].cells[].tokens'), where).toBe(true);
        }
      }),
      propertyParams(HEAVY_RUNS),
    );
  });
});
