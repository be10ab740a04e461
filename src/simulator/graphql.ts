import { InputError } from '../core/errors.js';

export type GraphqlModule = typeof import('graphql');

/**
 * The simulator's GraphQL executor, loaded when a simulator starts: `graphql` is an optional peer
 * dependency a converter user does not install, so importing `datasaur-export/simulator` (or the
 * CLI) never needs it, and starting a simulator without it is a clear message, not a crash.
 */
export async function loadGraphql(): Promise<GraphqlModule> {
  try {
    return await import('graphql');
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    if (code === 'ERR_MODULE_NOT_FOUND' && /['"]graphql['"]/.test(message ?? '')) {
      throw new InputError('UNSUPPORTED', 'the simulator needs the optional package graphql (its GraphQL executor), which is not installed', {
        hint: 'Run `npm install graphql` next to datasaur-export; converting, and exporting from a real server, do not need it.',
        cause: error,
      });
    }
    throw error;
  }
}
