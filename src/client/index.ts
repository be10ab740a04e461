/**
 * The export-API client: credentials in, exported file out. `DatasaurClient` wires auth, GraphQL,
 * retries, polling and download; the pieces are exported for callers that need one of them.
 */
import { TokenProvider, type Credentials } from './auth.js';
import { type BackoffOptions } from './backoff.js';
import { DEFAULT_NOT_READY_BACKOFF } from './download.js';
import { runExport, type ExportOutcome, type ExportRequest } from './export.js';
import { GraphQLTransport } from './graphql.js';
import { DEFAULT_RETRY, type HttpSettings, type RetryEvent, type RetryPolicy } from './http.js';
import { ExportApi } from './operations.js';
import { DEFAULT_POLL_BACKOFF } from './poll.js';
import { Redactor } from './redact.js';

export interface ClientOptions extends Credentials {
  retry?: Partial<RetryPolicy>;
  pollBackoff?: BackoffOptions;
  notReadyBackoff?: BackoffOptions;
  fetch?: typeof fetch;
  onRetry?: (event: RetryEvent) => void;
  /** Injectable randomness for jitter (tests). */
  random?: () => number;
}

export class DatasaurClient {
  readonly api: ExportApi;
  readonly tokens: TokenProvider;
  readonly redactor: Redactor;
  private readonly http: HttpSettings;

  constructor(private readonly options: ClientOptions) {
    this.redactor = new Redactor([options.clientSecret]);
    this.http = {
      retry: { ...DEFAULT_RETRY, ...options.retry },
      redactor: this.redactor,
      fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
      onRetry: options.onRetry,
      random: options.random,
    };
    this.tokens = new TokenProvider(options, this.http);
    this.api = new ExportApi(new GraphQLTransport(options.baseUrl, this.tokens, this.http));
  }

  /** Request an export, wait for it, and receive the file (see `runExport`). */
  export(request: ExportRequest): Promise<ExportOutcome> {
    if (request.webhook?.secret) this.redactor.add(request.webhook.secret);
    return runExport(
      {
        api: this.api,
        http: this.http,
        pollBackoff: this.options.pollBackoff ?? DEFAULT_POLL_BACKOFF,
        notReadyBackoff: this.options.notReadyBackoff ?? DEFAULT_NOT_READY_BACKOFF,
      },
      request,
    );
  }
}

export { TokenProvider, tokenEndpoint, graphqlEndpoint, type Credentials } from './auth.js';
export { backoffDelay, parseRetryAfter, type BackoffOptions } from './backoff.js';
export { downloadToFile, type DownloadProgress } from './download.js';
export { runExport, type ExportEvent, type ExportOutcome, type ExportRequest, type ExportTarget } from './export.js';
export { fetchWithRetry, type RetryEvent, type RetryPolicy } from './http.js';
export { ExportApi, EXPORT_METHODS, type ExportMethod, type DeliveryStatus, type ProjectFilter, type ProjectSummary } from './operations.js';
export { jobFailedError, waitForDelivery } from './poll.js';
export { Redactor, redactUrl, REDACTED } from './redact.js';
export { signBody, verifySignature, SIGNATURE_HEADER } from './signature.js';
export { startWebhookReceiver, type WebhookPayload, type WebhookReceiver, type WebhookReceiverOptions } from './webhook.js';
