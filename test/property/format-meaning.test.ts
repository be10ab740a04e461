import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConvertOptions } from '../../src/core/formats/options.js';
import { findWriter } from '../../src/core/formats/registry.js';
import { IOB_SCHEMES, iobTags, type TokenRun } from '../../src/core/formats/token/iob.js';
import { alignTokens } from '../../src/core/model/align.js';
import { compareSpans } from '../../src/core/model/positions.js';
import { graphemes, lengthIn, type OffsetUnit } from '../../src/core/model/offsets.js';
import type { Document, Span } from '../../src/core/model/types.js';
import { hasErrors, lintAzureConll, lintComprehendCsv, lintVertexImportCsv, lintVertexJsonl, type LintResult } from '../../src/core/formats/validate/index.js';
import { tokenDocumentArb } from './arbitraries/token-document.js';
import { HEAVY_RUNS, LIGHT_RUNS, propertyParams, PROPERTY_TIMEOUT } from './config.js';
import { asTsvText, keptSpans, namedIds } from './accounting.js';
import { decodeTagged, fileNamed, parseDelimited, parseVertexJsonl } from './decode.js';
import { runWriter } from './run-writer.js';

/**
 * Property 4: each output means what its format says.
 * - IOB: decoding the tags of every scheme gives back exactly the runs that were encoded.
 * - Comprehend and Vertex: each annotation's offsets, counted in the unit the report states,
 *   slice the text to exactly the characters the span labels.
 * - CSV and TSV parse back (papaparse) to records of the documented shape.
 * - The cloud validators (src/formats/validate) accept every Comprehend, Azure and Vertex output.
 * - `--overlap columns` loses nothing in TSV_IOB / TSV_NON_IOB.
 */

function slice(text: string, begin: number, end: number, unit: OffsetUnit): string {
  if (unit === 'utf16') return text.slice(begin, end);
  const parts = unit === 'codepoint' ? Array.from(text) : graphemes(text);
  return parts.slice(begin, end).join('');
}

/**
 * The characters a span labels, from the model and FORMATS.md §3 alone: tokens aligned to the
 * content left to right, start char to end char inclusive. Undefined when a token of the span is
 * not in the content (the fallback rule places it; its text is not the token's).
 */
function spanText(doc: Document, span: Span): string | undefined {
  const parts: string[] = [];
  for (let row = span.start.row; row <= span.end.row; row++) {
    const cell = doc.rows[row].cells[0];
    const offsets = alignTokens(cell.content, cell.tokens);
    const first = row === span.start.row ? span.start.token : 0;
    const last = row === span.end.row ? span.end.token : cell.tokens.length - 1;
    if (offsets.slice(first, last + 1).some((o) => !o.found)) return undefined;
    const begin = row === span.start.row ? offsets[first].start + span.start.char : 0;
    const end = row === span.end.row ? offsets[last].start + span.end.char + 1 : cell.content.length;
    parts.push(cell.content.slice(begin, end));
  }
  return parts.join('\n');
}

function expectAccepted(result: LintResult, what: string): void {
  const errors = result.issues.filter((i) => i.severity === 'error');
  expect(hasErrors(result) ? errors : [], what).toEqual([]);
}

const unitArb = fc.constantFrom<OffsetUnit>('codepoint', 'utf16', 'grapheme');
const policyArb = fc.constantFrom<ConvertOptions['overlap']>('first', 'longest', 'error', 'columns');

describe('property 4: outputs mean what their format says', { timeout: PROPERTY_TIMEOUT }, () => {
  it('IOB: decode(encode(runs)) gives the runs back, for every scheme', () => {
    // Non-overlapping runs in one row, built from gaps and lengths so every shrink stays valid.
    const rowArb = fc.array(fc.record({ gap: fc.nat({ max: 2 }), length: fc.nat({ max: 3 }), label: fc.constantFrom('PER', 'LOC', 'B-ish', 'Date Time') }), { maxLength: 6 });
    fc.assert(
      fc.property(rowArb, fc.nat({ max: 3 }), fc.constantFrom(...IOB_SCHEMES), (parts, tail, scheme) => {
        const runs: TokenRun[] = [];
        let at = 0;
        for (const p of parts) {
          at += p.gap;
          runs.push({ start: at, end: at + p.length, label: p.label });
          at += p.length + 1;
        }
        const count = at + tail + 1;
        const tags = iobTags(count, runs, scheme);
        const text = tags.map((tag, t) => `t${t}\t${tag}\n`).join('') + '\n';
        const decoded = decodeTagged(text, { scheme }).runs.map(({ start, end, label }) => ({ start, end, label }));
        expect(decoded).toEqual(runs);
      }),
      propertyParams(LIGHT_RUNS * 2),
    );
  });

  it('Comprehend and Vertex offsets slice the text to the span text in the unit the report states; the validators accept the files', async () => {
    await fc.assert(
      fc.asyncProperty(tokenDocumentArb, unitArb, policyArb, async (doc, offsets, overlap) => {
        const options = { offsets, overlap };
        // Records are written in span order (FORMATS.md §6): the i-th record is the i-th kept span.
        const ordered = (messages: Parameters<typeof keptSpans>[1]) => keptSpans(doc, messages).sort((a, b) => compareSpans(doc, a, b));

        const comprehend = await runWriter(findWriter('AMAZON_COMPREHEND_CSV')!, doc, options);
        expect(comprehend.messages.some((m) => m.kind === 'OffsetUnit')).toBe(true);
        const csv = fileNamed(comprehend.files!, '.csv');
        const plain = fileNamed(comprehend.files!, '.txt');
        const lines = plain.text.split('\n');
        const [, ...records] = parseDelimited(csv.text);
        expect(records.length, 'one Comprehend record per kept span').toBe(ordered(comprehend.messages).length);
        ordered(comprehend.messages).forEach((span, i) => {
          const [, line, begin, end] = records[i];
          const expected = spanText(doc, span);
          if (expected !== undefined) expect(slice(lines[Number(line)], Number(begin), Number(end), offsets), `record ${i + 1} (span ${span.id})`).toBe(expected);
        });
        expectAccepted(lintComprehendCsv(csv.text, { texts: new Map([[plain.name, plain.text]]), unit: offsets }), 'Comprehend validator');

        const vertex = await runWriter(findWriter('GCP_VERTEX_AI_CSV')!, doc, options);
        expect(vertex.messages.some((m) => m.kind === 'OffsetUnit')).toBe(true);
        const jsonl = fileNamed(vertex.files!, '.jsonl');
        const [document] = parseVertexJsonl(jsonl.text);
        expect(document.textSegmentAnnotations.length, 'one Vertex annotation per kept span').toBe(ordered(vertex.messages).length);
        ordered(vertex.messages).forEach((span, i) => {
          const a = document.textSegmentAnnotations[i];
          const expected = spanText(doc, span);
          if (expected !== undefined) expect(slice(document.textContent, a.startOffset, a.endOffset, offsets), `annotation ${i + 1} (span ${span.id})`).toBe(expected);
        });
        expectAccepted(lintVertexJsonl(jsonl.text, { unit: offsets }), 'Vertex JSONL validator');
        expectAccepted(lintVertexImportCsv(fileNamed(vertex.files!, '.csv').text), 'Vertex import CSV validator');

        const azure = await runWriter(findWriter('AZURE_AUTOML_CSV')!, doc, options);
        if (doc.rows.some((r) => r.cells[0].tokens.length > 0)) expectAccepted(lintAzureConll(azure.files![0].text), 'Azure validator');
      }),
      propertyParams(HEAVY_RUNS),
    );
  });

  it('token CSV parses back to records of File,Line,Begin Offset,End Offset,Type,Label Status whose offsets stay inside the row content', async () => {
    await fc.assert(
      fc.asyncProperty(tokenDocumentArb, unitArb, fc.boolean(), async (doc, offsets, bom) => {
        const run = await runWriter(findWriter('CSV')!, doc, { offsets, bom });
        const text = run.files![0].text;
        expect(text.startsWith('\uFEFF')).toBe(bom);
        const [header, ...records] = parseDelimited(text);
        expect(header).toEqual(['File', 'Line', 'Begin Offset', 'End Offset', 'Type', 'Label Status']);
        const names = new Set(doc.labelSets.flatMap((s) => s.items.map((i) => i.labelName)));
        for (const r of records) {
          expect(r).toHaveLength(6);
          expect(names.has(r[4])).toBe(true);
          const content = doc.rows[Number(r[1])].cells[0].content;
          const [begin, end] = [Number(r[2]), Number(r[3])];
          expect(begin).toBeLessThanOrEqual(end);
          expect(end).toBeLessThanOrEqual(lengthIn(content, offsets));
        }
      }),
      propertyParams(HEAVY_RUNS),
    );
  });

  it('TSV_IOB, TSV_NON_IOB and Azure CoNLL parse back to the same tokens, row by row, with one tag column per label set', async () => {
    await fc.assert(
      fc.asyncProperty(tokenDocumentArb, fc.constantFrom(...IOB_SCHEMES), policyArb, async (doc, scheme, overlap) => {
        const expected = doc.rows.filter((r) => r.cells[0].tokens.length > 0).map((r) => r.cells[0].tokens);
        for (const name of ['TSV_IOB', 'TSV_NON_IOB']) {
          const text = (await runWriter(findWriter(name)!, doc, { scheme, overlap })).files![0].text;
          expect(decodeTagged(text, name === 'TSV_IOB' ? { scheme } : 'plain').rows, name).toEqual(expected.map((tokens) => tokens.map(asTsvText)));
          // Blank line after every row, including the last (FORMATS.md §4).
          expect(text.split('\n').filter((l) => l === '').length, `${name}: blank lines`).toBe(doc.rows.length + 1);
          const columns = new Set(text.split('\n').filter(Boolean).map((l) => l.split('\t').length - 1));
          expect(columns.size, `${name}: same tag column count on every line`).toBeLessThanOrEqual(1);
          if (columns.size && overlap !== 'columns') expect([...columns][0], `${name}: tag columns`).toBe(doc.labelSets.length);
        }
        const azure = (await runWriter(findWriter('AZURE_AUTOML_CSV')!, doc, { overlap })).files![0].text;
        expect(decodeTagged(azure, { scheme: 'IOB2' }).rows).toEqual(expected.map((tokens) => tokens.map((t) => t.replace(/\s+/g, '_'))));
      }),
      propertyParams(HEAVY_RUNS),
    );
  });

  it('--overlap columns loses nothing in TSV_IOB and TSV_NON_IOB: only REJECTED/CONFLICT spans are left out', async () => {
    await fc.assert(
      fc.asyncProperty(tokenDocumentArb, fc.constantFrom(...IOB_SCHEMES), fc.boolean(), async (doc, scheme, includeConflicts) => {
        for (const name of ['TSV_IOB', 'TSV_NON_IOB']) {
          const run = await runWriter(findWriter(name)!, doc, { overlap: 'columns', scheme, includeConflicts });
          const leftOut = namedIds(run.messages.filter((m) => m.kind !== 'RejectedLabelSkipped' && m.kind !== 'ConflictLabelSkipped'), new Set(['OverlapDropped', 'LabelSetNotSelected', 'SpanCrossesRows', 'SpanNotRepresented']));
          expect([...leftOut], name).toEqual([]);
          const eligible = doc.spans.filter((s) => s.status !== 'REJECTED' && (includeConflicts || s.labeledBy !== 'CONFLICT'));
          expect(keptSpans(doc, run.messages).map((s) => s.id).sort(), name).toEqual(eligible.map((s) => s.id).sort());
        }
      }),
      propertyParams(HEAVY_RUNS),
    );
  });
});

