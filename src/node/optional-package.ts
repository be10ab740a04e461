import { InputError } from '../core/errors.js';

/**
 * Loads an optional peer dependency (graphql for the simulator, esbuild for CUSTOM transformers):
 * a converter user does not install them, so a missing one is a clear message naming the package
 * and what needs it (`UNSUPPORTED`, exit 2), not a crash. Other load errors pass through.
 * `load` is the caller's own `import('name')`, so the module keeps its types.
 */
export async function loadOptionalPackage<T>(name: string, role: string, load: () => Promise<T>, neededBy: string, notNeededBy: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    if (code === 'ERR_MODULE_NOT_FOUND' && (message ?? '').includes(`'${name}'`)) {
      throw new InputError('UNSUPPORTED', `${neededBy} the optional package ${name} (${role}), which is not installed`, {
        hint: `Run \`npm install ${name}\` next to datasaur-export; ${notNeededBy}.`,
        cause: error,
      });
    }
    throw error;
  }
}
