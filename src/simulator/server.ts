/**
 * The simulator's HTTP side: token endpoint, GraphQL endpoint and download links, each consulting
 * the fault queue first. Every request is recorded so tests can assert what the client did.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import type { GraphqlModule } from './graphql.js';
import type { FaultQueue, FaultRoute } from './faults.js';
import type { JobRunner } from './jobs.js';

export interface RequestRecord {
  route: FaultRoute | 'other';
  method: string;
  status: number;
  operationName?: string;
  /** token route: how the client sent its credentials. */
  authStyle?: 'body' | 'basic';
}

const MAX_RECORDED_REQUESTS = 10_000;

export interface ServerSettings {
  clientId: string;
  clientSecret: string;
  tokenLifetimeSeconds: number;
  /** Throttles link downloads to this many bytes per second (slow-link fault). */
  slowLinkBytesPerSecond?: number;
  /** Largest request body accepted (token and GraphQL). */
  maxBodyBytes: number;
}

export interface ServerParts {
  settings: ServerSettings;
  schema: GraphQLSchema;
  /** graphql's executor (the package is loaded when the simulator starts: simulator/graphql.ts). */
  execute: GraphqlModule['graphql'];
  rootValue: unknown;
  jobs: JobRunner;
  faults: FaultQueue;
  tokens: Map<string, number>;
  requests: RequestRecord[];
  issueToken: () => string;
}

export function createHandler(parts: ServerParts): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    route(parts, req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
      else res.destroy();
    });
  };
}

async function route(parts: ServerParts, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://simulator');
  const record = (entry: Omit<RequestRecord, 'method'>): void => {
    parts.requests.push({ method: req.method ?? '', ...entry });
    // A long-running `simulate` keeps only the recent past.
    if (parts.requests.length > MAX_RECORDED_REQUESTS) parts.requests.splice(0, parts.requests.length - MAX_RECORDED_REQUESTS);
  };
  if (url.pathname === '/api/oauth/token' && req.method === 'POST') return token(parts, req, res, record);
  if (url.pathname === '/graphql' && req.method === 'POST') return graphqlEndpoint(parts, req, res, record);
  const fileMatch = /^\/files\/([0-9a-f-]+)\/[^/]+$/.exec(url.pathname);
  if (fileMatch && (req.method === 'GET' || req.method === 'HEAD')) return download(parts, fileMatch[1]!, url, req, res, record);
  record({ route: 'other', status: 404 });
  sendJson(res, 404, { error: 'not found' });
}

function answerFault(parts: ServerParts, route: FaultRoute, res: ServerResponse, record: (e: Omit<RequestRecord, 'method'>) => void, operationName?: string): boolean {
  const fault = parts.faults.take(route, operationName);
  if (!fault) return false;
  record({ route, status: fault.status, operationName });
  const headers: Record<string, string> = {};
  if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
  sendJson(res, fault.status, { error: `injected fault ${fault.status}` }, headers);
  return true;
}

async function token(parts: ServerParts, req: IncomingMessage, res: ServerResponse, record: (e: Omit<RequestRecord, 'method'>) => void): Promise<void> {
  const body = await readBody(req, parts.settings.maxBodyBytes);
  if (answerFault(parts, 'token', res, record)) return;
  const form = new URLSearchParams(body ?? '');
  let id = form.get('client_id');
  let secret = form.get('client_secret');
  let authStyle: 'body' | 'basic' = 'body';
  const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '');
  if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    id = decodeURIComponent(decoded.slice(0, colon));
    secret = decodeURIComponent(decoded.slice(colon + 1));
    authStyle = 'basic';
  }
  if (form.get('grant_type') !== 'client_credentials') {
    record({ route: 'token', status: 400, authStyle });
    return sendJson(res, 400, { error: 'unsupported_grant_type' });
  }
  if (id !== parts.settings.clientId || !sameText(secret ?? '', parts.settings.clientSecret)) {
    record({ route: 'token', status: 401, authStyle });
    return sendJson(res, 401, { error: 'invalid_client' });
  }
  record({ route: 'token', status: 200, authStyle });
  sendJson(res, 200, { access_token: parts.issueToken(), token_type: 'bearer', expires_in: parts.settings.tokenLifetimeSeconds });
}

async function graphqlEndpoint(parts: ServerParts, req: IncomingMessage, res: ServerResponse, record: (e: Omit<RequestRecord, 'method'>) => void): Promise<void> {
  const text = await readBody(req, parts.settings.maxBodyBytes);
  if (text === undefined) {
    record({ route: 'graphql', status: 413 });
    return sendJson(res, 413, { error: 'request body too large' });
  }
  let body: { query?: unknown; variables?: unknown; operationName?: unknown };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    record({ route: 'graphql', status: 400 });
    return sendJson(res, 400, { errors: [{ message: 'Body is not JSON' }] });
  }
  const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
  if (answerFault(parts, 'graphql', res, record, operationName)) return;
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const expiresAt = bearer === undefined ? undefined : parts.tokens.get(bearer);
  if (expiresAt === undefined || expiresAt <= Date.now()) {
    record({ route: 'graphql', status: 200, operationName });
    return sendJson(res, 200, { errors: [{ message: 'Unauthorized', extensions: { type: 'AuthenticationError' } }], data: null });
  }
  if (typeof body.query !== 'string') {
    record({ route: 'graphql', status: 400, operationName });
    return sendJson(res, 400, { errors: [{ message: 'Must provide query string.' }] });
  }
  const result = await parts.execute({
    schema: parts.schema,
    source: body.query,
    rootValue: parts.rootValue,
    variableValues: (body.variables ?? undefined) as Record<string, unknown> | undefined,
    operationName,
  });
  record({ route: 'graphql', status: 200, operationName });
  sendJson(res, 200, { ...result, extensions: {} });
}

async function download(parts: ServerParts, fileId: string, url: URL, req: IncomingMessage, res: ServerResponse, record: (e: Omit<RequestRecord, 'method'>) => void): Promise<void> {
  if (answerFault(parts, 'download', res, record)) return;
  const file = parts.jobs.files.get(fileId);
  // Storage answers like S3: a wrong signature or an expired link is 403, a missing object 404.
  if (!file || !sameText(url.searchParams.get('X-Amz-Signature') ?? '', file.signature)) {
    record({ route: 'download', status: 403 });
    return sendJson(res, 403, { error: 'AccessDenied' });
  }
  if (Date.now() >= file.expiresAt) {
    record({ route: 'download', status: 403 });
    return sendJson(res, 403, { error: 'AccessDenied: Request has expired' });
  }
  if (!file.bytes || file.notFoundLeft > 0) {
    if (file.bytes) file.notFoundLeft--;
    record({ route: 'download', status: 404 });
    return sendJson(res, 404, { error: 'NoSuchKey' });
  }
  const { status, start, end } = byteRange(req.headers.range, file.bytes.length);
  record({ route: 'download', status });
  const headers: Record<string, string> = {
    'content-type': file.name.endsWith('.zip') ? 'application/zip' : 'application/json',
    'content-length': String(end - start),
    'accept-ranges': 'bytes',
    'content-disposition': `attachment; filename="${file.name.replace(/"/g, '')}"`,
  };
  if (status === 206) headers['content-range'] = `bytes ${start}-${end - 1}/${file.bytes.length}`;
  res.writeHead(status, headers);
  if (req.method === 'HEAD') return void res.end();
  await sendBytes(res, file.bytes.subarray(start, end), parts.settings.slowLinkBytesPerSecond);
}

/** `Range: bytes=a-b` (one range; what a readiness probe sends). Anything else: the whole file. */
function byteRange(header: string | undefined, size: number): { status: number; start: number; end: number } {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return { status: 200, start: 0, end: size };
  let start: number;
  let end: number;
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]));
    end = size;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size : Math.min(size, Number(match[2]) + 1);
  }
  if (start >= size || start >= end) return { status: 200, start: 0, end: size };
  return { status: 206, start, end };
}

async function sendBytes(res: ServerResponse, bytes: Uint8Array, bytesPerSecond?: number): Promise<void> {
  if (!bytesPerSecond) return void res.end(Buffer.from(bytes));
  // A slow link: small chunks every 100 ms until done or the client goes away.
  const chunk = Math.max(1, Math.floor(bytesPerSecond / 10));
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  for (let offset = 0; offset < bytes.length && !closed; offset += chunk) {
    res.write(Buffer.from(bytes.subarray(offset, offset + chunk)));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!closed) res.end();
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

/** The body as text, or undefined when it passes `limit` bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
