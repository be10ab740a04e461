import { createRequire } from 'node:module';

/**
 * The package's version, from its package.json by the package's own name (Node resolves a
 * package's name from inside it through its `exports`): right from src/, from the bundled dist/
 * (where this code may sit in a chunk) and from the bench's compiled copy alike.
 */
export const VERSION: string = (createRequire(import.meta.url)('datasaur-export/package.json') as { version: string }).version;
