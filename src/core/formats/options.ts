import type { OffsetUnit } from '../model/offsets.js';
import type { TransformerRunner } from './custom/runner.js';

/**
 * Every writer option, with documented defaults (`DEFAULT_OPTIONS`). One object for all formats,
 * like papaparse's config: a writer reads the fields it knows and ignores the rest.
 */
export interface ConvertOptions {
  /** Warnings count as errors; no output is written when any error remains. */
  strict: boolean;
  /** IOB tagging scheme for TSV_IOB. */
  scheme: 'IOB2' | 'IOB1' | 'IOBES' | 'BILOU';
  /** What to do with overlapping spans of one label set in formats that cannot hold them. */
  overlap: 'first' | 'longest' | 'columns' | 'error';
  /**
   * What a space inside a label name becomes in whitespace-separated tag columns (TSV_IOB,
   * TSV_NON_IOB, CONLL_2003, Azure CoNLL); undefined = keep the name as it is (the server does),
   * reported as `TagHasSpace`.
   */
  tagSpace?: string;
  /** Label set (index or name) for targets with one label column; undefined = index 0. */
  labelSet?: number | string;
  /** Keep CONFLICT labels (they are left out and reported by default). */
  includeConflicts: boolean;
  /** Unit of character offsets written for external targets. */
  offsets: OffsetUnit;
  /** Also write one file for the whole project (targets that train on one file). */
  combine: boolean;
  /** `gs://bucket/folder` prefix for the Vertex import CSV. */
  gcsPrefix?: string;
  /** Vertex `ml_use` column value (`training`, `test`, `validation`) or undefined for none. */
  mlUse?: string;
  /** Write a UTF-8 BOM at the start of CSV/TSV (Excel). */
  bom: boolean;
  /** Prefix values starting with = + - @ with ' in CSV/TSV/XLSX. */
  escapeFormulas: boolean;
  /** Column holding the text for classifier targets; default the first text column. */
  textColumn?: string;
  /** Question whose answers are the labels for classifier targets; default the first option question. */
  labelQuestion?: string;
  /** One table row per document with its document answers only. */
  docAnswersOnly: boolean;
  /** CUSTOM: the export transformer to run on each document (Node: `loadTransformer(file)`). */
  transformer?: TransformerRunner;
  /** CUSTOM: extension of the files written with the transformer's text. */
  transformerExt: string;
  /** PDF layout. */
  pdf: {
    pageSize: 'A4' | 'LETTER';
    orientation: 'portrait' | 'landscape';
    fontSize: number;
    /** Label-set indexes to draw; undefined = all. */
    labelSets?: number[];
    arrows: boolean;
  };
}

/** The choices of `scheme` and `overlap`, for the command line's and the web page's option lists. */
export const SCHEMES = ['IOB2', 'IOB1', 'IOBES', 'BILOU'] as const satisfies readonly ConvertOptions['scheme'][];
export const OVERLAP_RULES = ['first', 'longest', 'columns', 'error'] as const satisfies readonly ConvertOptions['overlap'][];

export const DEFAULT_OPTIONS: ConvertOptions = {
  strict: false,
  scheme: 'IOB2',
  overlap: 'first',
  includeConflicts: false,
  offsets: 'codepoint',
  combine: false,
  bom: false,
  escapeFormulas: false,
  docAnswersOnly: false,
  transformerExt: 'txt',
  pdf: { pageSize: 'A4', orientation: 'portrait', fontSize: 10, arrows: true },
};

export function resolveOptions(partial: Partial<ConvertOptions> = {}): ConvertOptions {
  return Object.assign({}, DEFAULT_OPTIONS, partial, { pdf: Object.assign({}, DEFAULT_OPTIONS.pdf, partial.pdf) });
}
