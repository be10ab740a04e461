/**
 * `node --import ./test/helpers/without-graphql.mjs …`: the process behaves as an install without
 * the optional peer dependency graphql (resolving it fails as a missing package does), so tests
 * can check what a converter user who did not install it sees.
 */
import { register } from 'node:module';

const hooks = `
export async function resolve(specifier, context, next) {
  if (specifier === 'graphql' || specifier.startsWith('graphql/')) {
    const error = new Error("Cannot find package 'graphql' imported from " + context.parentURL);
    error.code = 'ERR_MODULE_NOT_FOUND';
    throw error;
  }
  return next(specifier, context);
}`;

register(`data:text/javascript,${encodeURIComponent(hooks)}`);
