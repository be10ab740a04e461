/**
 * `datasaur-export demo` (`npm run demo`): the whole pipeline offline. Starts the simulator with
 * the bundled fixture projects (token, row and document-question), runs `export` against it
 * exactly as a user would (token, GraphQL request, polling, download of one ZIP holding every
 * project), converts to every format into --out, stops the simulator.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { InputError } from '../../core/errors.js';
import type { Command } from '../command.js';
import { loadSimulator } from '../load-simulator.js';
import { exportAndConvert } from './export.js';
import { loadTransformer } from '../../node/transformer/load.js';

/** A fixture project shipped in the package's `fixtures/` (found from package.json, wherever the bundled code sits). */
const fixture = (name: string) => path.join(path.dirname(createRequire(import.meta.url).resolve('datasaur-export/package.json')), 'fixtures', name);

/** The token project (spans, nested and overlapping, relations): the token formats and the PDF. */
export const DEMO_FIXTURE = fixture('token-project.zip');

/** CUSTOM's sample export transformer: our rewrite of the vendor's Google AutoML sample (JSONL). */
export const DEMO_TRANSFORMER = fixture('transformers/automl-entities.ts');

/**
 * Every project the demo serves: between them, every registered format has a project it fits
 * (the demo test checks that against the registry). A new project kind's fixture goes here.
 */
export const DEMO_PROJECTS: readonly string[] = [DEMO_FIXTURE, fixture('row-project.zip'), fixture('document-project.zip'), fixture('bbox-project.zip')];

export const DEMO_GCS_PREFIX = 'gs://demo-bucket/datasaur-export';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'try everything offline: simulator + export of bundled projects to every format',
  notes: 'Starts the simulator, runs `export --to all` against it exactly as a user would, and stops it. Running it again replaces --out.',
  async run(args, io) {
    const out = args.str('out')!;
    const projects = args.list('fixture').length ? args.list('fixture') : DEMO_PROJECTS;
    for (const file of projects) {
      if (!existsSync(file)) throw new InputError('FILE_NOT_FOUND', 'the demo project is missing', { file, hint: 'Run `npm run fixtures` or pass --fixture.' });
    }
    const { startSimulator } = await loadSimulator();
    const transformer = await loadTransformer(DEMO_TRANSFORMER);
    const sim = await startSimulator({ projectPaths: [...projects], queuedMs: 300, processingMs: 600 }).catch(async (error: unknown) => {
      await transformer.close();
      throw error;
    });
    try {
      const ids = sim.projects.map((p) => p.id);
      io.stderr.write(`simulator listening on ${sim.baseUrl}, serving ${sim.projects.map((p) => `"${p.name}" (${p.id})`).join(', ')}\n`);
      io.stderr.write(`running: datasaur-export export --project ${ids.join(',')} --to all --gcs-prefix ${DEMO_GCS_PREFIX} --transformer ${DEMO_TRANSFORMER} --transformer-ext jsonl --out ${out}\n`);
      return await exportAndConvert(
        {
          client: { baseUrl: sim.baseUrl, clientId: sim.clientId, clientSecret: sim.clientSecret },
          projectIds: ids,
          to: 'all',
          outDir: out,
          method: 'FILE_STORAGE',
          timeoutMs: 60_000,
          // The demo's own output folder: running it again replaces the previous results.
          force: true,
          // GCP_VERTEX_AI_CSV names the Cloud Storage folder its JSONL files will live in; a
          // placeholder bucket keeps the demo self-contained.
          // CUSTOM runs the sample transformer (sandboxed) on every document.
          options: { gcsPrefix: DEMO_GCS_PREFIX, transformer, transformerExt: 'jsonl' },
        },
        io,
      );
    } finally {
      await sim.close();
      await transformer.close();
    }
  },
};
