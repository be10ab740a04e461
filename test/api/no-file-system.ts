import { createRequire, syncBuiltinESMExports } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Makes every function of Node's `fs` and `fs/promises` throw until the returned function is
 * called: for proving that code reads nothing from disk and writes nothing to it. Named ESM
 * imports of `node:fs` see the stubs too (`syncBuiltinESMExports`).
 */
export function lockFileSystem(): () => void {
  const modules = [require('node:fs') as Record<string, unknown>, require('node:fs/promises') as Record<string, unknown>];
  const saved: [Record<string, unknown>, string, unknown][] = [];
  for (const module of modules) {
    for (const [name, value] of Object.entries(module)) {
      if (typeof value !== 'function' || /^[A-Z]/.test(name)) continue;
      saved.push([module, name, value]);
      module[name] = () => {
        throw new Error(`the file system was used: fs.${name}`);
      };
    }
  }
  syncBuiltinESMExports();
  return () => {
    for (const [module, name, value] of saved) module[name] = value;
    syncBuiltinESMExports();
  };
}
