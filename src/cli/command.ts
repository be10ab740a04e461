import type { CommandName } from './option-row.js';

/**
 * A CLI command. Its flags are rows of the options table (`options.ts`); the program (`program.ts`)
 * parses them with commander and calls `run` with the values.
 */
export interface Command {
  name: CommandName;
  summary: string;
  /** Positional arguments in commander's syntax: `'<input>'`, `'[paths...]'`. */
  arguments?: readonly string[];
  /** Text after the options in `--help` (what the command does in detail, environment). */
  notes?: string;
  run(args: CommandArgs, io: CommandIo): Promise<number>;
}

/** What a command gets: positionals and option values (parsed by their rows, defaults filled in). */
export interface CommandArgs {
  positionals: string[];
  /** By commander's attribute name: `labelSet` for `--label-set`, `arrows` for `--no-arrows`. */
  values: Record<string, unknown>;
  str(name: string): string | undefined;
  num(name: string): number | undefined;
  flag(name: string): boolean;
  list(name: string): string[];
}

/** Where a command prints; tests pass buffers, the binary passes the process streams. */
export interface CommandIo {
  /** Read when the input is `-` (default: the process's standard input). */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

export const EXIT_OK = 0;
export const EXIT_REPORTED_ERRORS = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_INTERNAL = 70;
export const EXIT_INTERRUPTED = 130;

/** Listed at the end of every `--help`. */
export const EXIT_CODES: readonly [number, string][] = [
  [EXIT_OK, 'done; the report has no errors'],
  [EXIT_REPORTED_ERRORS, 'done, but the report has errors (or warnings under --strict); lint: the target would refuse the file'],
  [EXIT_BAD_INPUT, 'bad input or usage: nothing was converted (one-paragraph message on stderr)'],
  [EXIT_INTERNAL, 'a bug in datasaur-export (please report it)'],
  [EXIT_INTERRUPTED, 'interrupted (Ctrl+C)'],
];

export function commandArgs(positionals: string[], values: Record<string, unknown>): CommandArgs {
  const typed = <T>(name: string, type: string): T | undefined => (typeof values[name] === type ? (values[name] as T) : undefined);
  return {
    positionals,
    values,
    str: (name) => typed<string>(name, 'string'),
    num: (name) => typed<number>(name, 'number'),
    flag: (name) => values[name] === true,
    list: (name) => (Array.isArray(values[name]) ? (values[name] as string[]) : []),
  };
}
