/**
 * `datasaur-export demo` (`npm run demo`): the whole pipeline offline. Starts the simulator with
 * the bundled token fixture project, runs `export` against it exactly as a user would (token,
 * GraphQL request, polling, download), converts to every format into --out, stops the simulator.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../core/errors.js';
import type { Command } from '../command.js';
import { loadSimulator } from '../load-simulator.js';
import { exportAndConvert } from './export.js';

/** Same depth from src/cli/commands and dist/cli/commands. */
export const DEMO_FIXTURE = fileURLToPath(new URL('../../../fixtures/token-project.zip', import.meta.url));

export const DEMO_GCS_PREFIX = 'gs://demo-bucket/datasaur-export';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'try everything offline: simulator + export of a bundled project to every format',
  notes: 'Starts the simulator, runs `export --to all` against it exactly as a user would, and stops it. Running it again replaces --out.',
  async run(args, io) {
    const out = args.str('out')!;
    const fixture = args.str('fixture') ?? DEMO_FIXTURE;
    if (!existsSync(fixture)) throw new InputError('FILE_NOT_FOUND', 'the demo project is missing', { file: fixture, hint: 'Run `npm run fixtures` or pass --fixture.' });

    const { startSimulator } = await loadSimulator('demo');
    const sim = await startSimulator({ projectPaths: [fixture], queuedMs: 300, processingMs: 600 });
    try {
      const project = sim.projects[0]!;
      io.stderr.write(`simulator listening on ${sim.baseUrl}, serving "${project.name}" (${project.id})\n`);
      io.stderr.write(`running: datasaur-export export --project ${project.id} --to all --gcs-prefix ${DEMO_GCS_PREFIX} --out ${out}\n`);
      return await exportAndConvert(
        {
          client: { baseUrl: sim.baseUrl, clientId: sim.clientId, clientSecret: sim.clientSecret },
          projectIds: [project.id],
          to: 'all',
          outDir: out,
          method: 'FILE_STORAGE',
          timeoutMs: 60_000,
          // The demo's own output folder: running it again replaces the previous results.
          force: true,
          // GCP_VERTEX_AI_CSV names the Cloud Storage folder its JSONL files will live in; a
          // placeholder bucket keeps the demo self-contained.
          options: { gcsPrefix: DEMO_GCS_PREFIX },
        },
        io,
      );
    } finally {
      await sim.close();
    }
  },
};
