/**
 * `node --import ./test/helpers/without-optional.mjs …`: the process behaves as an install without
 * the optional peer dependencies graphql (the simulator's) and esbuild (CUSTOM transformers'):
 * resolving either fails as a missing package does, so tests can check what a converter user who
 * did not install them sees (the project's imports only: tsx, the test runner's loader, uses esbuild).
 */
import { register } from 'node:module';

const hooks = `
const MISSING = ['graphql', 'esbuild'];
export async function resolve(specifier, context, next) {
  const name = MISSING.find((p) => specifier === p || specifier.startsWith(p + '/'));
  // Only the project's own imports: tsx, which runs these tests' TypeScript, uses esbuild itself.
  if (name && !String(context.parentURL).includes('/node_modules/')) {
    const error = new Error("Cannot find package '" + name + "' imported from " + context.parentURL);
    error.code = 'ERR_MODULE_NOT_FOUND';
    throw error;
  }
  return next(specifier, context);
}`;

register(`data:text/javascript,${encodeURIComponent(hooks)}`);
