/**
 * POST {base}/graphql with the bearer token. A GraphQL `Unauthorized` error (or HTTP 401) makes the
 * token provider fetch a new token and the call is sent once more, as the official client does.
 */
import { InputError } from '../core/errors.js';
import { graphqlEndpoint, safeJson, TokenProvider } from './auth.js';
import { fetchWithRetry, type HttpSettings } from './http.js';

interface GraphQLErrorBody {
  message?: string;
  extensions?: { type?: string; code?: string };
}

export class GraphQLTransport {
  private readonly endpoint: string;

  constructor(
    baseUrl: string,
    private readonly tokens: TokenProvider,
    private readonly http: HttpSettings,
  ) {
    this.endpoint = graphqlEndpoint(baseUrl);
  }

  async request<T>(operationName: string, query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
    for (let authAttempt = 0; ; authAttempt++) {
      const token = await this.tokens.get(signal);
      const response = await fetchWithRetry(
        this.endpoint,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ operationName, variables, query }),
        },
        operationName,
        this.http,
        signal,
      );
      const text = await response.text();
      const body = safeJson(text) as { data?: T; errors?: GraphQLErrorBody[] } | undefined;
      const unauthorized = response.status === 401 || (body?.errors ?? []).some(isUnauthorized);
      if (unauthorized && authAttempt === 0) {
        this.tokens.invalidate(token);
        continue;
      }
      if (unauthorized) {
        throw new InputError('API_ERROR', `${operationName}: Unauthorized even with a new token`, {
          hint: 'The credentials are valid but lack access; check the team and role of the API client.',
        });
      }
      if (!response.ok || body === undefined) {
        throw new InputError('API_ERROR', this.http.redactor.redact(`${operationName} failed: HTTP ${response.status} ${text.slice(0, 200)}`));
      }
      if (body.errors?.length) {
        const messages = body.errors.map((e) => e.message ?? 'unknown error').join('; ');
        throw new InputError('API_ERROR', this.http.redactor.redact(`${operationName} failed: ${messages}`));
      }
      if (body.data == null) throw new InputError('API_ERROR', `${operationName} failed: the answer has no data`);
      return body.data;
    }
  }
}

function isUnauthorized(error: GraphQLErrorBody): boolean {
  return error.message === 'Unauthorized' || error.extensions?.type === 'AuthenticationError' || error.extensions?.code === 'UNAUTHENTICATED';
}
