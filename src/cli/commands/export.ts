/**
 * `datasaur-export export`: asks the server for DATASAUR_SCHEMA once, receives it by the chosen
 * delivery method, and converts it locally into every requested format (the server's own
 * converters are never used, so every format comes with the same typed report).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatasaurClient, type ClientOptions } from '../../client/index.js';
import type { ExportMethod, ProjectFilter } from '../../client/operations.js';
import type { ExportTarget } from '../../client/export.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../client/webhook.js';
import { InputError } from '../../core/errors.js';
import { resolveOptions, type ConvertOptions } from '../../core/formats/options.js';
import type { Command, CommandIo } from '../command.js';
import { EXIT_INTERRUPTED, EXIT_OK } from '../command.js';
import { convertOptionsFrom } from '../options.js';
import { ExportProgress } from './export-progress.js';
import { formatSelection, type FormatSelection } from '../../core/formats/resolve-formats.js';
import { withTransformer } from '../transformer-option.js';
import { runConversion } from '../conversion.js';
import { checkStandardOutput } from '../standard-streams.js';

export interface ExportAndConvertParams {
  client: Omit<ClientOptions, 'onRetry'>;
  /** Explicit projects and/or a filter that `getProjects` resolves to projects. */
  projectIds: string[];
  filter?: ProjectFilter;
  documentId?: string;
  to: FormatSelection;
  outDir: string;
  method: ExportMethod;
  cabinet?: string;
  timeoutMs: number;
  webhook?: { publicUrl?: string; secret: string; port: number };
  storage?: { id: string; prefix?: string; dir?: string };
  /** Keep the downloaded DATASAUR_SCHEMA file here (otherwise it lives in a temp folder). */
  saveExportDir?: string;
  force: boolean;
  options: Partial<ConvertOptions>;
  reportFile?: string;
  signal?: AbortSignal;
  /** No progress display or status lines. */
  quiet?: boolean;
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'export projects through the API (DATASAUR_SCHEMA) and convert them locally to any format',
  notes:
    'Choose projects with --project, one document with --document, or search with --tag/--status.\n' +
    'The server is asked for DATASAUR_SCHEMA once; every format is then converted here with the same typed report.',
  async run(args, io) {
    const { str, num, flag, list } = args;
    checkStandardOutput(str('out'), str('report'));
    const baseUrl = str('baseUrl');
    const clientId = str('clientId');
    const clientSecret = str('clientSecret');
    if (!baseUrl || !clientId || !clientSecret) {
      const missing = [!baseUrl && 'DATASAUR_BASE_URL', !clientId && 'DATASAUR_CLIENT_ID', !clientSecret && 'DATASAUR_CLIENT_SECRET'].filter(Boolean).join(', ');
      throw new InputError('BAD_OPTION', `missing credentials: ${missing}`, { hint: 'Set the environment variables (or --base-url, --client-id, --client-secret).' });
    }
    const method = str('method') as ExportMethod;
    const tags = list('tag');
    const statuses = list('status').map((s) => s.toUpperCase());
    const projectIds = list('project');
    const documentId = str('document');
    if (!documentId && projectIds.length === 0 && tags.length === 0 && statuses.length === 0) {
      throw new InputError('BAD_OPTION', 'nothing to export', { hint: 'Pass --project <id>, --document <id>, or --tag/--status filters.' });
    }
    const webhookSecret = str('webhookSecret');
    if (method === 'CUSTOM_WEBHOOK' && !webhookSecret) {
      throw new InputError('BAD_OPTION', 'CUSTOM_WEBHOOK needs a secret to sign deliveries with', { where: '--webhook-secret', hint: 'Or set DATASAUR_WEBHOOK_SECRET.' });
    }
    const storageId = str('storageId');
    if (method === 'EXTERNAL_OBJECT_STORAGE' && !storageId) {
      throw new InputError('BAD_OPTION', 'EXTERNAL_OBJECT_STORAGE needs the storage id registered for the team', { where: '--storage-id' });
    }
    const to = formatSelection(list('to'));
    const options = convertOptionsFrom(args.values);
    return withTransformer(args, to, options, () => exportAndConvert(
      {
        client: { baseUrl, clientId, clientSecret, authStyle: flag('basicAuth') ? 'basic' : 'body' },
        projectIds,
        filter: tags.length || statuses.length ? { teamId: str('team'), tags: tags.length ? tags : undefined, statuses: statuses.length ? statuses : undefined } : undefined,
        documentId,
        to,
        outDir: str('out')!,
        method,
        cabinet: str('cabinet'),
        timeoutMs: num('timeout')! * 1000,
        webhook: method === 'CUSTOM_WEBHOOK' ? { publicUrl: str('webhookUrl'), secret: webhookSecret!, port: num('webhookPort')! } : undefined,
        storage: storageId ? { id: storageId, prefix: str('storagePrefix'), dir: str('storageDir') } : undefined,
        saveExportDir: str('saveExport'),
        force: flag('force'),
        options,
        reportFile: str('report'),
        quiet: flag('quiet'),
      },
      io,
    ));
  },
};

/** The whole command as a function, so `demo` runs exactly what a user runs. */
export async function exportAndConvert(params: ExportAndConvertParams, io: CommandIo): Promise<number> {
  const progress = new ExportProgress(io.stderr, params.quiet);
  const client = new DatasaurClient({ ...params.client, onRetry: progress.onRetry });
  const target = await resolveTarget(client, params, progress);
  const downloadDir = params.saveExportDir ? resolve(params.saveExportDir) : await mkdtemp(join(tmpdir(), 'datasaur-export-'));
  let receiver: WebhookReceiver | undefined;
  try {
    if (params.webhook) {
      receiver = await startWebhookReceiver({ secret: params.webhook.secret, port: params.webhook.port, host: '127.0.0.1' });
      progress.line(`webhook receiver listening on ${receiver.url}${params.webhook.publicUrl ? ` (server sends to ${params.webhook.publicUrl})` : ''}`);
    }
    const exported = await untilInterrupted(params.signal, (signal) =>
      client.export({
        target,
        format: 'DATASAUR_SCHEMA',
        method: params.method,
        webhook: params.webhook ? { url: params.webhook.publicUrl ?? receiver!.url, secret: params.webhook.secret, receiver } : undefined,
        externalObjectStorage: params.storage ? { externalObjectStorageId: params.storage.id, prefix: params.storage.prefix } : undefined,
        outDir: downloadDir,
        timeoutMs: params.timeoutMs,
        signal,
        onEvent: progress.onEvent,
      }),
    );
    progress.done();
    if ('interrupted' in exported) {
      io.stderr.write(`${exported.interrupted.toUserMessage()}\n`);
      return EXIT_INTERRUPTED;
    }
    const outcome = exported.value;

    let input = outcome.file;
    if (!input && outcome.key && params.storage?.dir) input = join(params.storage.dir, params.storage.id, outcome.key);
    if (!input) {
      io.stdout.write(
        params.method === 'EMAIL'
          ? `export ${outcome.exportId} delivered: the server e-mailed the download link to the owner of the credentials; convert the file with \`datasaur-export convert\` once downloaded.\n`
          : `export ${outcome.exportId} delivered${outcome.key ? ` to object key ${outcome.key}` : ''}; pass --storage-dir (a local copy of the bucket) to convert it here, or run \`datasaur-export convert\` on the object.\n`,
      );
      return EXIT_OK;
    }
    return await runConversion(
      { input, to: params.to, out: params.outDir, reportFile: params.reportFile, cabinet: params.cabinet, options: resolveOptions(params.options), force: params.force, quiet: params.quiet ?? false, reportLines: 10 },
      io,
    );
  } finally {
    progress.done();
    await receiver?.close();
    if (!params.saveExportDir) await rm(downloadDir, { recursive: true, force: true });
  }
}

/**
 * Runs the export with a signal that Ctrl-C (SIGINT) or SIGTERM aborts, so the job wait stops and
 * the download removes its part file before the process ends (the temporary download folder is
 * removed by the caller's `finally`). The handlers exist only while the export runs: the conversion
 * after it keeps the run's own signal handling, and a second Ctrl-C ends the process at once.
 */
async function untilInterrupted<T>(parent: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<{ value: T } | { interrupted: InputError }> {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals): void =>
    controller.abort(new InputError('ABORTED', `interrupted (${name}) during the export: nothing was converted and no partial download was kept`));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return { value: await work(parent ? AbortSignal.any([parent, controller.signal]) : controller.signal) };
  } catch (error) {
    if (controller.signal.aborted) return { interrupted: controller.signal.reason as InputError };
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

async function resolveTarget(client: DatasaurClient, params: ExportAndConvertParams, progress: ExportProgress): Promise<ExportTarget> {
  if (params.documentId) {
    if (params.projectIds.length || params.filter) throw new InputError('BAD_OPTION', '--document exports one document; do not combine it with --project, --tag or --status');
    return { documentId: params.documentId };
  }
  const ids = [...params.projectIds];
  if (params.filter) {
    const found = await client.api.getProjects(params.filter, { signal: params.signal });
    progress.line(`${found.length} project(s) match ${describeFilter(params.filter)}${found.length ? `: ${found.map((p) => `${p.name} (${p.id})`).join(', ')}` : ''}`);
    for (const project of found) if (!ids.includes(project.id)) ids.push(project.id);
    if (ids.length === 0) throw new InputError('BAD_OPTION', `no project matches ${describeFilter(params.filter)}`, { hint: 'Check the tag and status names in the Datasaur web app.' });
  }
  return { projectIds: ids };
}

function describeFilter(filter: ProjectFilter): string {
  return [filter.tags?.length && `tag ${filter.tags.join('|')}`, filter.statuses?.length && `status ${filter.statuses.join('|')}`].filter(Boolean).join(' and ');
}
