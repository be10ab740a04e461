import { exportZip, rowDocument, tokenDocument, type GeneratedInput } from './generate/index.js';

/**
 * The four scenarios of the issue. `quick` sizes keep a smoke run of everything to a couple of
 * minutes; full sizes are the issue's.
 */
export interface Scenario {
  id: 'a' | 'b' | 'c' | 'd';
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
  },
  { id: 'c', title: 'row project, 1,000,000 rows', kind: 'row', unit: 'rows', input: (seed, quick) => rowDocument(seed, quick ? 20_000 : 1_000_000) },
  // The PDF writer's own bench (bench/pdf-1000-pages.ts): SPAN_AND_ARROW_VISUALIZATION on a seeded document of N pages.
  { id: 'd', title: 'PDF of a 1,000-page document (bench/pdf-1000-pages.ts)', kind: 'token', unit: 'pages', pages: (quick) => (quick ? 30 : 1_000) },
];
