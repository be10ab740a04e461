import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FileSink } from './file-sink.js';
import { Random } from './random.js';
import { loadRowShapes, loadTokenShapes } from './shapes.js';
import { drawSentences, writeTokenDocument } from './token-document.js';
import { writeRowDocument } from './row-document.js';
import { ZipWriter } from './zip-writer.js';

/** Generated inputs live here (git-ignored), one file per scenario, seed and size. */
export const DATA_DIR = path.resolve(import.meta.dirname, '../.data');

export interface GeneratedInput {
  path: string;
  bytes: number;
  /** Bytes of the JSON documents inside (the ZIP's uncompressed size; the file size otherwise). */
  jsonBytes: number;
  documents: number;
  /** Bytes of the largest document (the memory goal is relative to it). */
  largestDocumentBytes: number;
  tokens: number;
  rows: number;
}

const LABELER = { id: 1, email: 'labeler@example.com', displayName: 'Labeler' };
const REVIEWER = { id: 2, email: 'reviewer@example.com', displayName: 'Reviewer' };

/**
 * Returns the input file, generating it the first time (written under a temporary name, renamed
 * when complete, so an interrupted generation is never taken for a cached one).
 */
function cached(name: string, generate: (file: string) => Omit<GeneratedInput, 'path' | 'bytes'>): GeneratedInput {
  mkdirSync(DATA_DIR, { recursive: true });
  const file = path.join(DATA_DIR, name);
  const metaFile = `${file}.meta.json`;
  if (existsSync(file) && existsSync(metaFile)) return JSON.parse(readFileSync(metaFile, 'utf8')) as GeneratedInput;
  const temp = `${file}.partial`;
  const counts = generate(temp);
  renameSync(temp, file);
  const meta: GeneratedInput = { path: file, bytes: statSync(file).size, ...counts };
  writeFileSync(metaFile, JSON.stringify(meta, null, 2));
  return meta;
}

/** (a) and (d): one token document of about `tokens` tokens. */
export function tokenDocument(seed: number, tokens: number, stem = 'token-document'): GeneratedInput {
  return cached(`${stem}-${seed}-${tokens}.json`, (file) => {
    const random = new Random(seed);
    const shapes = loadTokenShapes();
    const sentences = drawSentences(random, shapes, tokens);
    const sink = new FileSink(file);
    writeTokenDocument(
      { projectId: 'bench-a', projectName: 'Bench tokens', documentId: 'doc-0', documentName: `${stem}.txt`, sentences, labels: shapes.labels, labeler: LABELER },
      random,
      (t) => sink.write(t),
    );
    sink.close();
    return { jsonBytes: sink.bytes, largestDocumentBytes: sink.bytes, documents: 1, tokens: count(sentences), rows: sentences.length };
  });
}

/**
 * (b): an "export all files" ZIP of `documents` token documents, each in REVIEW and in a labeler's
 * ROOT cabinet (the server's layout), with abstract-sized documents drawn from the corpus.
 */
export function exportZip(seed: number, documents: number): GeneratedInput {
  return cached(`export-${seed}-${documents}.zip`, (file) => {
    const random = new Random(seed);
    const shapes = loadTokenShapes();
    const zip = new ZipWriter(file);
    const project = 'Bench export-bench0001';
    let tokens = 0;
    let rows = 0;
    let jsonBytes = 0;
    let largest = 0;
    for (let d = 0; d < documents; d++) {
      const count = random.pick(shapes.sentencesPerAbstract);
      const sentences = Array.from({ length: count }, () => random.pick(shapes.sentences));
      tokens += sentences.reduce((n, s) => n + s.tokens.length, 0);
      rows += sentences.length;
      const name = `abstract-${String(d).padStart(5, '0')}.txt`;
      for (const [cabinet, labeler] of [['REVIEW', REVIEWER], ['ROOT-labeler_example_com', LABELER]] as const) {
        const parts: string[] = [];
        writeTokenDocument({ projectId: 'bench0001', projectName: 'Bench export', documentId: `doc-${d}`, documentName: name, sentences, labels: shapes.labels, labeler }, random, (t) => parts.push(t));
        const text = parts.join('');
        const size = Buffer.byteLength(text);
        jsonBytes += size;
        largest = Math.max(largest, size);
        zip.add(`${project}/${cabinet}/${name}.json`, text);
      }
    }
    zip.close();
    return { jsonBytes, largestDocumentBytes: largest, documents: documents * 2, tokens, rows };
  });
}

/**
 * The peer-shaped case of issue 15: the NCBI disease corpus `copies` times (×50: 15,000 documents,
 * 3.2 M tokens), each abstract one document of one row, REVIEW cabinet only: the content a
 * CoNLL converter of another tool is measured on.
 */
export function corpusZip(seed: number, copies: number): GeneratedInput {
  return cached(`corpus-${seed}-x${copies}.zip`, (file) => {
    const random = new Random(seed);
    const shapes = loadTokenShapes();
    const zip = new ZipWriter(file);
    const project = 'NCBI disease-bench0002';
    let tokens = 0;
    let jsonBytes = 0;
    let largest = 0;
    let d = 0;
    for (let copy = 0; copy < copies; copy++) {
      for (const abstract of shapes.abstracts) {
        const name = `abstract-${String(d).padStart(5, '0')}.txt`;
        const parts: string[] = [];
        writeTokenDocument({ projectId: 'bench0002', projectName: 'NCBI disease', documentId: `doc-${d}`, documentName: name, sentences: [abstract], labels: shapes.labels, labeler: REVIEWER }, random, (t) => parts.push(t));
        const text = parts.join('');
        const size = Buffer.byteLength(text);
        jsonBytes += size;
        largest = Math.max(largest, size);
        tokens += abstract.tokens.length;
        zip.add(`${project}/REVIEW/${name}.json`, text);
        d++;
      }
    }
    zip.close();
    return { jsonBytes, largestDocumentBytes: largest, documents: d, tokens, rows: d };
  });
}

/** (c): a row project's document with `rows` rows. */
export function rowDocument(seed: number, rows: number): GeneratedInput {
  return cached(`rows-${seed}-${rows}.json`, (file) => {
    const sink = new FileSink(file);
    writeRowDocument(rows, loadRowShapes(), new Random(seed), (t) => sink.write(t));
    sink.close();
    return { jsonBytes: sink.bytes, largestDocumentBytes: sink.bytes, documents: 1, tokens: 0, rows };
  });
}

function count(sentences: { tokens: string[] }[]): number {
  return sentences.reduce((n, s) => n + s.tokens.length, 0);
}
