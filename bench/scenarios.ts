import { corpusZip, exportZip, rowDocument, tokenDocument, type GeneratedInput } from './generate/index.js';

/**
 * The four scenarios of the issue. `quick` sizes keep a smoke run of everything to a couple of
 * minutes; full sizes are the issue's.
 */
export interface Scenario {
  id: 'a' | 'b' | 'c' | 'd' | 'p';
  title: string;
  kind: 'token' | 'row';
  /** What the per-second column counts. */
  unit: 'tokens' | 'rows' | 'pages';
  /** The generated input; (d) has none: the PDF bench builds its document in memory. */
  input?(seed: number, quick: boolean): GeneratedInput;
  /** The same scenario at a quarter of the documents, to see whether memory grows with count. */
  smaller?(seed: number, quick: boolean): GeneratedInput;
  /** (d): pages of the PDF bench document. */
  pages?(quick: boolean): number;
  /** Also run each format with worker threads. */
  workers?: boolean;
  /** Only these formats (the peer-shaped case is the peer's format). */
  formats?: string[];
  /** A ZIP with a ROOT copy of each document beside REVIEW (its JSON bytes count twice the converted ones). */
  twoCabinets?: boolean;
  /**
   * (b): also every token format in one run, `--force` over a previous run's outputs against a
   * fresh folder, and `--to all` with a `--report` file.
   */
  pipeline?: boolean;
}

export const SCENARIOS: Scenario[] = [
  { id: 'a', title: 'one token document, 1,000,000 tokens', kind: 'token', unit: 'tokens', input: (seed, quick) => tokenDocument(seed, quick ? 50_000 : 1_000_000) },
  {
    id: 'b',
    title: 'export ZIP, 20,000 token documents x 2 cabinets',
    kind: 'token',
    unit: 'tokens',
    input: (seed, quick) => exportZip(seed, quick ? 400 : 20_000),
    smaller: (seed, quick) => exportZip(seed, quick ? 100 : 5_000),
    workers: true,
    twoCabinets: true,
    pipeline: true,
  },
  { id: 'c', title: 'row project, 1,000,000 rows', kind: 'row', unit: 'rows', input: (seed, quick) => rowDocument(seed, quick ? 20_000 : 1_000_000) },
  // The PDF writer's own bench (bench/pdf-1000-pages.ts): SPAN_AND_ARROW_VISUALIZATION on a seeded document of N pages.
  // Issue 15's side-by-side case: the content a peer's CoNLL converter was measured on.
  {
    id: 'p',
    title: 'peer-shaped: the NCBI disease corpus x50 as 15,000 one-row documents',
    kind: 'token',
    unit: 'tokens',
    input: (seed, quick) => corpusZip(seed, quick ? 2 : 50),
    formats: ['TSV_IOB'],
  },
  { id: 'd', title: 'PDF of a 1,000-page document (bench/pdf-1000-pages.ts)', kind: 'token', unit: 'pages', pages: (quick) => (quick ? 30 : 1_000) },
];
