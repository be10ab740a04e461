import { InputError } from '../core/errors.js';

/**
 * The simulator, loaded only by the commands that run it: its GraphQL executor (`graphql`) is an
 * optional dependency a converter user does not need, so a missing one is a clear message, not a crash.
 */
export async function loadSimulator(command: string): Promise<typeof import('../simulator/index.js')> {
  try {
    return await import('../simulator/index.js');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && /'graphql'/.test((error as Error).message)) {
      throw new InputError('UNSUPPORTED', `\`${command}\` needs the optional package graphql, which is not installed`, { hint: 'Run `npm install graphql` next to datasaur-export.', cause: error });
    }
    throw error;
  }
}
