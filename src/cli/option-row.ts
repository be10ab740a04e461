import { Option } from 'commander';
import type { ConvertOptions } from '../core/formats/options.js';

/** The commands of the CLI (each has a file under `commands/`). */
export type CommandName = 'convert' | 'inspect' | 'formats' | 'lint' | 'export' | 'webhook' | 'simulate' | 'demo' | 'version';

/**
 * One flag of the command line. `options.ts` holds every flag of every command as one of these:
 * `--help`, parsing, defaults and the ConvertOptions a run gets all come from the row.
 */
export interface OptionRow {
  /** Commander's flag syntax: `'-t, --to <formats>'` takes a value, `'-f, --force'` is a switch. */
  flags: string;
  /** The commands that take it. */
  commands: readonly CommandName[];
  description: string;
  /** Heading it is listed under in `--help` (default "Options:"). */
  group?: string;
  /** The value when the flag is absent; shown in `--help`. */
  default?: string | number | boolean;
  /** Shown in `--help` when the default is a rule rather than a value ("the first label set"). */
  defaultText?: string;
  /** Listed in `--help`; `parse` decides what it accepts (case-insensitively). */
  choices?: readonly string[];
  /** The command cannot run without it: the error said when it is missing. */
  required?: { message: string; hint?: string };
  /** Environment variable used when the flag is absent. */
  env?: string;
  /** Turns the text into the value; throws InputError naming `flag`. Repeatable flags get the previous value. */
  parse?: (raw: string, flag: string, previous: unknown) => unknown;
  /** Format options: writes the value into ConvertOptions (the row's default is DEFAULT_OPTIONS' value). */
  convert?: (options: ConvertOptions, value: never) => void;
}

/** Switch rows' values are booleans; `--no-x` rows default to true. */
export function isSwitch(row: OptionRow): boolean {
  return !/[<[]/.test(row.flags);
}

/** `--label-set` → `labelSet`, `--no-arrows` → `arrows`: the key of the row's value (commander's rule). */
export function attributeOf(row: OptionRow): string {
  return new Option(row.flags).attributeName();
}

/** `--label-set`: the row's long flag as typed. */
export function longFlagOf(row: OptionRow): string {
  return new Option(row.flags).long!;
}
