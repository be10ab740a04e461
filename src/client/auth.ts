/**
 * OAuth2 client credentials (API.md "Authentication"): one token at a time, fetched again shortly
 * before it expires (there is no refresh token) or when the server answers `Unauthorized`.
 */
import { z } from 'zod';
import { InputError } from '../core/errors.js';
import { fetchWithRetry, type HttpSettings } from './http.js';

export interface Credentials {
  /** `https://app.datasaur.ai` or a self-hosted host; both endpoints derive from it. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Where the credentials go: the form body (default) or HTTP Basic. The server accepts both. */
  authStyle?: 'body' | 'basic';
}

const TokenAnswer = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive().optional(),
});

/** Without `expires_in` we assume the documented hour. */
const DEFAULT_LIFETIME_S = 3600;

export function tokenEndpoint(baseUrl: string): string {
  return new URL('/api/oauth/token', withSlash(baseUrl)).toString();
}

export function graphqlEndpoint(baseUrl: string): string {
  return new URL('/graphql', withSlash(baseUrl)).toString();
}

function withSlash(baseUrl: string): string {
  return baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
}

export class TokenProvider {
  private token?: { value: string; refreshAt: number };
  private pending?: Promise<string>;
  /** How many tokens were fetched (tests and progress output use it). */
  fetched = 0;

  constructor(
    private readonly credentials: Credentials,
    private readonly http: HttpSettings,
    private readonly now: () => number = Date.now,
  ) {
    http.redactor.add(credentials.clientSecret);
  }

  /** A valid token: the cached one unless it is close to expiry. Concurrent callers share one request. */
  async get(signal?: AbortSignal): Promise<string> {
    if (this.token && this.now() < this.token.refreshAt) return this.token.value;
    this.pending ??= this.fetchToken(signal).finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Forget `token` (the server said `Unauthorized`), unless a newer one already replaced it. */
  invalidate(token: string): void {
    if (this.token?.value === token) this.token = undefined;
  }

  private async fetchToken(signal?: AbortSignal): Promise<string> {
    const { clientId, clientSecret } = this.credentials;
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    if (this.credentials.authStyle === 'basic') {
      // RFC 6749 §2.3.1: both parts are form-urlencoded before Base64.
      const pair = `${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`;
      headers.authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
    } else {
      form.set('client_id', clientId);
      form.set('client_secret', clientSecret);
    }
    const started = this.now();
    const response = await fetchWithRetry(tokenEndpoint(this.credentials.baseUrl), { method: 'POST', headers, body: form.toString() }, 'token request', this.http, signal);
    const text = await response.text();
    if (!response.ok) {
      throw new InputError('API_ERROR', this.http.redactor.redact(`token request rejected: HTTP ${response.status} ${text.slice(0, 200)}`), {
        hint: 'Check DATASAUR_CLIENT_ID and DATASAUR_CLIENT_SECRET (or --client-id / --client-secret).',
      });
    }
    const parsed = TokenAnswer.safeParse(safeJson(text));
    if (!parsed.success) {
      throw new InputError('API_ERROR', 'token request: the answer has no access_token', { expected: '{"access_token": "…", "expires_in": 3600}' });
    }
    const lifetimeMs = (parsed.data.expires_in ?? DEFAULT_LIFETIME_S) * 1000;
    // Refresh a minute early, or a tenth of the lifetime for short-lived tokens.
    const margin = Math.min(60_000, lifetimeMs / 10);
    this.http.redactor.add(parsed.data.access_token);
    this.token = { value: parsed.data.access_token, refreshAt: started + lifetimeMs - margin };
    this.fetched++;
    return parsed.data.access_token;
  }
}

export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
