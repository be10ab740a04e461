/**
 * CUSTOM's sandbox cost (issue 16): `npx tsx bench/transformer-overhead.ts [rounds]`.
 *
 * Reads the audio JSON_ADVANCED sample (40 token documents of 100–300 rows, every cabinet) and the
 * NCBI disease sample (one document of ~7,000 sentences), then per round converts every document to
 * PLAIN and to CUSTOM with the documented template (which gives PLAIN's bytes), alternating, in
 * one process: the difference per document is what the sandbox adds (JSON of the `Exportable`
 * across the worker boundary, a fresh `node:vm` context, the call). Also times loading the
 * transformer (esbuild's first use, the worker's start, the probe). Prints medians over rounds.
 */
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFormat } from '../src/core/convert.js';
import { readInput } from '../src/node/read-input.js';
import { createTransformer } from '../src/node/transformer/load.js';

const TEMPLATE = `(document: Exportable): string => {
  return document.cells.map((cell) => cell.content).join('\\n');
};
`;
const sample = (p: string) => fileURLToPath(new URL(`../../shared/samples/${p}`, import.meta.url));
const INPUTS = [sample('audio-json-advanced/_Uniphore_ Datasaur Dataset_FRYWjo0dORv.zip'), sample('datasets/ncbi-disease-iob.tsv')];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 5);
  for (const input of INPUTS) await measure(input, rounds);
}

async function measure(input: string, rounds: number): Promise<void> {
  const { documents } = await readInput(input, { cabinet: 'all' });
  const loadStart = performance.now();
  const transformer = await createTransformer(TEMPLATE, { file: 'template.ts' });
  const loadMs = performance.now() - loadStart;
  const plainMs: number[] = [];
  const customMs: number[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      let t = performance.now();
      for (const doc of documents) await writeFormat(doc, 'PLAIN');
      plainMs.push((performance.now() - t) / documents.length);
      t = performance.now();
      // A fresh object per run: the writer keeps one outcome per document object (for --combine).
      for (const doc of documents) await writeFormat({ ...doc }, 'CUSTOM', { options: { transformer } });
      customMs.push((performance.now() - t) / documents.length);
    }
  } finally {
    await transformer.close();
  }
  const plain = median(plainMs);
  const custom = median(customMs);
  console.log(`${path.basename(input)}: ${documents.length} document(s), ${rounds} rounds`);
  console.log(`load (compile + worker start + probe): ${loadMs.toFixed(0)} ms`);
  console.log(`PLAIN per document: ${plain.toFixed(3)} ms; CUSTOM (template) per document: ${custom.toFixed(3)} ms`);
  console.log(`sandbox overhead per document: ${(custom - plain).toFixed(3)} ms (${(custom / plain).toFixed(1)}× PLAIN)`);
}

await main();
