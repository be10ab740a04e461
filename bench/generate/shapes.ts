import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';

/**
 * Real shapes the generated inputs are drawn from (never copied into the repo):
 * - NCBI disease corpus (`token\tIOB2-tag`, blank line between abstracts): sentences with their
 *   tokens and entity spans, so token lengths, span density, span lengths and label frequencies
 *   are the corpus's own;
 * - AG News (`label,text`): row texts and their topic labels.
 */
const SAMPLES = path.resolve(import.meta.dirname, '../../../shared/samples/datasets');

export interface SentenceShape {
  tokens: string[];
  /** Entity spans over token indexes, end inclusive. */
  spans: { start: number; end: number; label: string }[];
}

export interface TokenShapes {
  sentences: SentenceShape[];
  /** Sentences per abstract in the corpus (document sizes of scenario b). */
  sentencesPerAbstract: number[];
  /** The corpus's abstracts in order, each as one row (the peer-shaped case's documents). */
  abstracts: SentenceShape[];
  labels: string[];
}

export interface RowShapes {
  rows: { label: string; text: string }[];
  labels: string[];
}

let tokenShapes: TokenShapes | undefined;
let rowShapes: RowShapes | undefined;

export function loadTokenShapes(): TokenShapes {
  if (tokenShapes) return tokenShapes;
  const lines = readFileSync(path.join(SAMPLES, 'ncbi-disease-iob.tsv'), 'utf8').split(/\r?\n/);
  const sentences: SentenceShape[] = [];
  const sentencesPerAbstract: number[] = [];
  const labels = new Set<string>();
  let current: SentenceShape = { tokens: [], spans: [] };
  let inAbstract = 0;
  const closeSentence = () => {
    if (current.tokens.length) {
      sentences.push(current);
      inAbstract++;
    }
    current = { tokens: [], spans: [] };
  };
  for (const line of lines) {
    if (line.trim() === '') {
      closeSentence();
      if (inAbstract) sentencesPerAbstract.push(inAbstract);
      inAbstract = 0;
      continue;
    }
    const [token, tag = 'O'] = line.split('\t');
    const index = current.tokens.length;
    current.tokens.push(token);
    if (tag.startsWith('B-') || (tag.startsWith('I-') && current.spans.at(-1)?.end !== index - 1)) {
      const label = tag.slice(2);
      labels.add(label);
      current.spans.push({ start: index, end: index, label });
    } else if (tag.startsWith('I-')) {
      current.spans[current.spans.length - 1].end = index;
    }
    // The corpus has one line per abstract: sentences end at a token ending a sentence.
    if (/^[.?!]$|[a-z)]\.$/.test(token) && !current.spans.some((s) => s.end === index && tag !== 'O')) closeSentence();
  }
  closeSentence();
  if (inAbstract) sentencesPerAbstract.push(inAbstract);
  tokenShapes = { sentences, sentencesPerAbstract, abstracts: joinAbstracts(sentences, sentencesPerAbstract), labels: [...labels].sort() };
  return tokenShapes;
}

export function loadRowShapes(): RowShapes {
  if (rowShapes) return rowShapes;
  const parsed = Papa.parse<string[]>(readFileSync(path.join(SAMPLES, 'agnews-comprehend.csv'), 'utf8'), { skipEmptyLines: true });
  const rows = parsed.data.filter((r) => r.length >= 2).map(([label, text]) => ({ label, text }));
  rowShapes = { rows, labels: [...new Set(rows.map((r) => r.label))].sort() };
  return rowShapes;
}

/** The sentences of each abstract joined into one row (span indexes shifted accordingly). */
function joinAbstracts(sentences: readonly SentenceShape[], counts: readonly number[]): SentenceShape[] {
  const abstracts: SentenceShape[] = [];
  let next = 0;
  for (const count of counts) {
    const joined: SentenceShape = { tokens: [], spans: [] };
    for (const sentence of sentences.slice(next, next + count)) {
      const shift = joined.tokens.length;
      joined.tokens.push(...sentence.tokens);
      for (const span of sentence.spans) joined.spans.push({ start: span.start + shift, end: span.end + shift, label: span.label });
    }
    next += count;
    abstracts.push(joined);
  }
  return abstracts;
}
