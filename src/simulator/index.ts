/**
 * The local export-API simulator (API.md "The local simulator"): a real HTTP server on loopback
 * with the token endpoint, a GraphQL executor over the export operations, timed export jobs,
 * download links, signed webhooks, an external-storage folder and fault injection.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SIM_CLIENT_ID, DEFAULT_TOKEN_LIFETIME_SECONDS } from './defaults.js';
import { FaultQueue } from './faults.js';
import { JobRunner, type JobErrorOut, type JobSettings } from './jobs.js';
import { loadProjects, type ProjectOverrides, type SimProject } from './projects.js';
import { createRootValue } from './resolvers.js';
import { loadGraphql } from './graphql.js';
import { SIMULATOR_SDL } from './sdl.js';
import { createHandler, type RequestRecord, type ServerSettings } from './server.js';

export interface SimulatorOptions {
  /** DATASAUR_SCHEMA files, export ZIPs or export folders to serve. */
  projectPaths?: string[];
  /** Projects already loaded (tests). */
  projects?: SimProject[];
  /** Status / tags given to every loaded project (filters for `getProjects`). */
  overrides?: ProjectOverrides;
  /** Loopback unless told otherwise. */
  host?: string;
  /** 0 = any free port. */
  port?: number;
  clientId?: string;
  clientSecret?: string;
  tokenLifetimeSeconds?: number;
  queuedMs?: number;
  processingMs?: number;
  /** Link lifetime (server: 6 hours). */
  linkTtlMs?: number;
  linkNotFoundAfterDelivery?: number;
  slowLinkBytesPerSecond?: number;
  /**
   * Where EXTERNAL_OBJECT_STORAGE writes (`<dir>/<storage id>/<key>`). By default a new temporary
   * folder that `close()` removes; a folder given here is left in place.
   */
  storageDir?: string;
  userId?: number;
}

export interface Simulator {
  baseUrl: string;
  port: number;
  clientId: string;
  clientSecret: string;
  storageDir: string;
  projects: SimProject[];
  jobs: JobRunner;
  faults: FaultQueue;
  requests: RequestRecord[];
  /** Live settings: change delays or throttling between requests. */
  server: ServerSettings;
  jobSettings: JobSettings;
  /** Every token issued so far stops working (the next GraphQL call answers Unauthorized). */
  expireTokens(): void;
  /** The next `count` jobs end FAILED with `errors`. */
  failNextJobs(count: number, errors?: JobErrorOut[]): void;
  close(): Promise<void>;
}

export { DEFAULT_SIM_CLIENT_ID, DEFAULT_TOKEN_LIFETIME_SECONDS };

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  // First: without the optional graphql package nothing else is worth doing.
  const graphql = await loadGraphql();
  const projects = options.projects ?? (await loadProjects(options.projectPaths ?? [], options.overrides));
  const ownsStorage = options.storageDir === undefined;
  const storageDir = options.storageDir ?? (await mkdtemp(join(tmpdir(), 'datasaur-sim-storage-')));
  const server: ServerSettings = {
    clientId: options.clientId ?? DEFAULT_SIM_CLIENT_ID,
    clientSecret: options.clientSecret ?? randomBytes(16).toString('hex'),
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS,
    slowLinkBytesPerSecond: options.slowLinkBytesPerSecond,
    maxBodyBytes: 1024 * 1024,
  };
  const jobSettings: JobSettings = {
    queuedMs: options.queuedMs ?? 100,
    processingMs: options.processingMs ?? 200,
    linkTtlMs: options.linkTtlMs ?? 6 * 3600_000,
    linkNotFoundAfterDelivery: options.linkNotFoundAfterDelivery ?? 0,
    storageDir,
    userId: options.userId ?? 1,
    failNextJobs: 0,
    failErrors: [],
  };
  const tokens = new Map<string, number>();
  const faults = new FaultQueue();
  const requests: RequestRecord[] = [];
  let baseUrl = '';
  const jobs = new JobRunner(jobSettings, (file) => `${baseUrl}/files/${file.id}/${encodeURIComponent(file.name)}?X-Amz-Expires=${Math.round(jobSettings.linkTtlMs / 1000)}&X-Amz-Signature=${file.signature}`);
  const handler = createHandler({
    settings: server,
    schema: graphql.buildSchema(SIMULATOR_SDL),
    execute: graphql.graphql,
    rootValue: createRootValue(projects, jobs, graphql),
    jobs,
    faults,
    tokens,
    requests,
    issueToken: () => {
      const now = Date.now();
      for (const [old, expiresAt] of tokens) if (expiresAt <= now) tokens.delete(old);
      const token = randomBytes(24).toString('base64url');
      tokens.set(token, Date.now() + server.tokenLifetimeSeconds * 1000);
      return token;
    },
  });
  const http = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = http.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  baseUrl = `http://${host}:${address.port}`;

  return {
    baseUrl,
    port: address.port,
    clientId: server.clientId,
    clientSecret: server.clientSecret,
    storageDir,
    projects,
    jobs,
    faults,
    requests,
    server,
    jobSettings,
    expireTokens() {
      for (const token of tokens.keys()) tokens.set(token, 0);
    },
    failNextJobs(count, errors = [{ id: 'ExportError', stack: 'Error: simulated export failure\n    at exportWorker', args: { reason: 'simulated' } }]) {
      jobSettings.failNextJobs = count;
      jobSettings.failErrors = errors;
    },
    async close() {
      await jobs.close();
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
      if (ownsStorage) await rm(storageDir, { recursive: true, force: true });
    },
  };
}

export { loadProjects, type SimProject, type SimDocumentCopy } from './projects.js';
export { buildExportZip } from './zip.js';
export { FaultQueue, type InjectedFault, type FaultRoute } from './faults.js';
export { SIMULATOR_SDL } from './sdl.js';
export type { RequestRecord } from './server.js';
