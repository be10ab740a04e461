import Papa from 'papaparse';
import type { Document, Span } from '../../../src/core/model/types.js';
import { SPAN_LEFT_OUT_KINDS, type MessageKind } from '../../../src/core/report/kinds.js';
import type { Report } from '../../../src/core/report/report.js';
import type { WriteResult } from './writers.js';

/** Message kinds that mean "this span is not in the output". */
export const SPAN_LEFT_OUT: readonly MessageKind[] = [...SPAN_LEFT_OUT_KINDS];

/**
 * Nothing silently lost, counted: every input span is either named by a "left out" message or
 * written. Written spans are counted back from the output itself (records, annotations, B- tags,
 * tagged tokens), independently of the writer's own bookkeeping; split spans count once per row.
 */
export interface SpanAccount {
  input: number;
  leftOut: number;
  /** Pieces the kept spans should give (a span across rows split per row counts once per row). */
  expectedPieces: number;
  /** Tokens the kept pieces cover, per tag column group (tagged formats only). */
  expectedTokens: number;
  writtenPieces: number;
  writtenTokens: number;
}

export function accountSpans(format: string, doc: Document, result: WriteResult, split: boolean): SpanAccount {
  const leftOutIds = leftOut(result.report);
  const kept = doc.spans.filter((s) => !leftOutIds.has(s.id));
  const pieces = kept.map((s) => (split ? rowsWithTokens(doc, s) : 1)).reduce((a, b) => a + b, 0);
  const tokens = kept.map((s) => tokenCount(doc, s)).reduce((a, b) => a + b, 0);
  const written = countWritten(format, result);
  return { input: doc.spans.length, leftOut: leftOutIds.size, expectedPieces: pieces, expectedTokens: tokens, writtenPieces: written.pieces, writtenTokens: written.tokens };
}

function leftOut(report: Report): Set<string> {
  return new Set(report.all().filter((m) => SPAN_LEFT_OUT.includes(m.kind) && m.labelId).map((m) => m.labelId!));
}

function rowsWithTokens(doc: Document, span: Span): number {
  let n = 0;
  for (let r = span.start.row; r <= span.end.row; r++) if ((doc.rows[r]?.cells[0]?.tokens.length ?? 0) > 0) n++;
  return n;
}

function tokenCount(doc: Document, span: Span): number {
  let n = 0;
  for (let r = span.start.row; r <= span.end.row; r++) {
    const count = doc.rows[r]?.cells[0]?.tokens.length ?? 0;
    const first = r === span.start.row ? span.start.token : 0;
    const last = r === span.end.row ? span.end.token : count - 1;
    n += Math.max(0, last - first + 1);
  }
  return n;
}

function countWritten(format: string, result: WriteResult): { pieces: number; tokens: number } {
  const main = result.files[0]?.text ?? '';
  switch (format) {
    case 'TSV_IOB':
    case 'TSV_NON_IOB': {
      let tokens = 0;
      let pieces = 0;
      for (const line of main.split('\n')) {
        if (!line) continue;
        for (const tag of line.split('\t').slice(1)) {
          if (tag === 'O') continue;
          tokens++;
          if (/^[BSU]-/.test(tag)) pieces++;
        }
      }
      return { pieces, tokens };
    }
    case 'AZURE_AUTOML_CSV': {
      const tags = main.split('\n').filter(Boolean).map((l) => l.split(' ')[1]);
      return { pieces: tags.filter((t) => t.startsWith('B-')).length, tokens: tags.filter((t) => t !== 'O').length };
    }
    case 'CSV':
    case 'AMAZON_COMPREHEND_CSV':
      return { pieces: Papa.parse<string[]>(main, { skipEmptyLines: true }).data.length - 1, tokens: 0 };
    case 'GCP_VERTEX_AI_CSV':
      return { pieces: main.split('\n').filter(Boolean).reduce((n, line) => n + JSON.parse(line).textSegmentAnnotations.length, 0), tokens: 0 };
    case 'PLAIN':
      return { pieces: 0, tokens: 0 };
    default:
      throw new Error(`no counter for ${format}`);
  }
}

/** Formats that cut spans at rows (the others keep or drop them whole). */
export const SPLITS_AT_ROWS = new Set(['TSV_IOB', 'TSV_NON_IOB', 'CSV', 'AZURE_AUTOML_CSV']);
/** TSV_NON_IOB tags have no span boundary (two adjacent spans of one label look like one): tokens only. */
export const PIECES_VISIBLE = new Set(['TSV_IOB', 'PLAIN', 'CSV', 'AMAZON_COMPREHEND_CSV', 'AZURE_AUTOML_CSV', 'GCP_VERTEX_AI_CSV']);
/** Formats whose output is token tags, where covered tokens can be counted too. */
export const TAGGED = new Set(['TSV_IOB', 'TSV_NON_IOB', 'AZURE_AUTOML_CSV']);
