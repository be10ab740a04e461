#!/usr/bin/env node
import { needsRelaunch, RELAUNCHED } from './runtime-flags.js';
import { relaunch, stopWithParent } from './relaunch.js';

/** The command in this process, or (long jobs) in a child with the runtime flags it needs. */
async function main(args: string[]): Promise<number> {
  if (process.argv[1] && needsRelaunch(args, process.execArgv, process.env, process.platform)) {
    const code = await relaunch(process.argv[1], args);
    if (code !== undefined) return code;
  }
  if (process.env[RELAUNCHED]) stopWithParent();
  // Loaded only here: the parent of a relaunched job loads none of the converter.
  const { runCli } = await import('./main.js');
  return runCli(args);
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
