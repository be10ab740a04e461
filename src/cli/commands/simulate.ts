/**
 * `datasaur-export simulate`: runs the local export-API simulator until interrupted, serving the
 * given DATASAUR_SCHEMA files or export ZIPs, and prints the settings `export` needs.
 */
import { InputError } from '../../core/errors.js';
import type { Simulator } from '../../simulator/index.js';
import type { Command, CommandIo } from '../command.js';
import { EXIT_OK } from '../command.js';
import { loadSimulator } from '../load-simulator.js';

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'run a local export-API simulator (token, GraphQL, jobs, links, webhooks) for offline tries and tests',
  arguments: ['[projects...]'],
  notes: 'Projects can be given as arguments or with --projects. It prints the settings `export` needs and runs until Ctrl+C.',
  async run(args, io) {
    const { str, num, list } = args;
    const paths = [...list('projects'), ...args.positionals];
    if (paths.length === 0) throw new InputError('BAD_OPTION', 'no project to serve', { where: '--projects', hint: 'Give DATASAUR_SCHEMA files or export ZIPs.' });
    const { startSimulator } = await loadSimulator();
    const sim = await startSimulator({
      projectPaths: paths,
      port: num('port'),
      host: str('host'),
      clientId: str('clientId'),
      clientSecret: str('clientSecret'),
      queuedMs: num('queuedMs'),
      processingMs: num('processingMs'),
      tokenLifetimeSeconds: num('tokenLifetime'),
      storageDir: str('storageDir'),
      linkNotFoundAfterDelivery: num('link404'),
      slowLinkBytesPerSecond: num('slowLink'),
      overrides: { status: str('status')?.toUpperCase(), tags: args.values.tag === undefined ? undefined : list('tag') },
    });
    const failJobs = num('failJobs');
    if (failJobs) sim.failNextJobs(failJobs);
    printBanner(sim, io, str('storageDir') !== undefined);
    await untilInterrupted();
    io.stderr.write('stopping the simulator\n');
    await sim.close();
    return EXIT_OK;
  },
};

function printBanner(sim: Simulator, io: CommandIo, keptStorage: boolean): void {
  const projects = sim.projects.map((p) => `  ${p.id}  ${p.name}  (${new Set(p.copies.map((c) => c.documentName)).size} document(s), cabinets ${[...new Set(p.copies.map((c) => c.cabinetFolder))].join(', ')})`);
  // The simulator's own throw-away credentials: printing them is the point (nothing real is exposed).
  io.stdout.write(
    [
      `simulator listening on ${sim.baseUrl}`,
      'projects:',
      ...projects,
      `external storage folder: ${sim.storageDir}${keptStorage ? '' : ' (temporary: removed on stop; pass --storage-dir to keep it)'}`,
      'use it with:',
      `  export DATASAUR_BASE_URL=${sim.baseUrl}`,
      `  export DATASAUR_CLIENT_ID=${sim.clientId}`,
      `  export DATASAUR_CLIENT_SECRET=${sim.clientSecret}`,
      'press Ctrl+C to stop',
      '',
    ].join('\n'),
  );
}

function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
