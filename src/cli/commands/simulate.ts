/**
 * `datasaur-export simulate`: runs the local export-API simulator until interrupted, serving the
 * given DATASAUR_SCHEMA files or export ZIPs, and prints the settings `export` needs.
 */
import { InputError } from '../../core/errors.js';
import { startSimulator, type Simulator } from '../../simulator/index.js';
import { listOption, parseCommandArgs, positiveNumber } from '../args.js';
import type { Command, CommandIo } from '../command.js';
import { EXIT_OK } from '../command.js';

const USAGE =
  'datasaur-export simulate --projects <file|zip|folder,…> [--port <n>] [--host 127.0.0.1] [--client-id <id>] [--client-secret <s>] ' +
  '[--queued-ms <n>] [--processing-ms <n>] [--token-lifetime <s>] [--storage-dir <dir>] [--status <STATUS>] [--tag <tag,…>] ' +
  '[--fail-jobs <n>] [--link-404 <n>] [--slow-link <bytes/s>]';

const FLAGS = {
  projects: { type: 'string', multiple: true },
  port: { type: 'string' },
  host: { type: 'string' },
  'client-id': { type: 'string' },
  'client-secret': { type: 'string' },
  'queued-ms': { type: 'string' },
  'processing-ms': { type: 'string' },
  'token-lifetime': { type: 'string' },
  'storage-dir': { type: 'string' },
  status: { type: 'string' },
  tag: { type: 'string' },
  'fail-jobs': { type: 'string' },
  'link-404': { type: 'string' },
  'slow-link': { type: 'string' },
} as const;

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'run a local export-API simulator (token, GraphQL, jobs, links, webhooks) for offline tries and tests',
  usage: USAGE,
  async run(argv, io) {
    const args = parseCommandArgs(argv, FLAGS, USAGE);
    const { values, positionals } = args;
    const { str, list } = args;
    const paths = [...list('projects'), ...positionals];
    if (paths.length === 0) throw new InputError('BAD_OPTION', 'no project to serve', { where: '--projects', hint: 'Give DATASAUR_SCHEMA files or export ZIPs.' });
    const count = (k: string): number | undefined => {
      const v = str(k);
      if (v === undefined) return undefined;
      if (!/^\d+$/.test(v)) throw new InputError('BAD_OPTION', `"${v}" is not a whole number`, { where: `--${k}` });
      return Number(v);
    };
    const sim = await startSimulator({
      projectPaths: paths,
      port: count('port') ?? 0,
      host: str('host'),
      clientId: str('client-id'),
      clientSecret: str('client-secret'),
      queuedMs: count('queued-ms') ?? 500,
      processingMs: count('processing-ms') ?? 1000,
      tokenLifetimeSeconds: positiveNumber(str('token-lifetime'), '--token-lifetime'),
      storageDir: str('storage-dir'),
      linkNotFoundAfterDelivery: count('link-404'),
      slowLinkBytesPerSecond: positiveNumber(str('slow-link'), '--slow-link'),
      overrides: { status: str('status')?.toUpperCase(), tags: listOption(str('tag')) },
    });
    const failJobs = count('fail-jobs');
    if (failJobs) sim.failNextJobs(failJobs);
    printBanner(sim, io, str('storage-dir') !== undefined);
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
