/**
 * The simulator, loaded only by the commands that run it (`simulate`, `demo`), so the other commands
 * do not pay for its HTTP server. Its GraphQL executor, the optional package graphql, is loaded
 * when it starts: without it `startSimulator` says what to install (simulator/graphql.ts).
 */
export async function loadSimulator(): Promise<typeof import('../simulator/index.js')> {
  return import('../simulator/index.js');
}
