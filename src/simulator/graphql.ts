import { loadOptionalPackage } from '../node/optional-package.js';

export type GraphqlModule = typeof import('graphql');

/**
 * The simulator's GraphQL executor, loaded when a simulator starts: `graphql` is an optional peer
 * dependency a converter user does not install, so importing `datasaur-export/simulator` (or the
 * CLI) never needs it, and starting a simulator without it is a clear message, not a crash.
 */
export function loadGraphql(): Promise<GraphqlModule> {
  return loadOptionalPackage('graphql', 'its GraphQL executor', () => import('graphql'), 'the simulator needs', 'converting, and exporting from a real server, do not need it');
}
