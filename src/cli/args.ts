import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '../core/errors.js';

/** parseArgs with usage errors turned into InputError (exit 2, one line, no stack). */
export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  /** A string flag's value. */
  str(name: string): string | undefined;
  /** A repeatable flag's values, each also split at commas (`--project a,b --project c`). */
  list(name: string): string[];
}

export function parseCommandArgs(argv: string[], options: NonNullable<ParseArgsConfig['options']>, usage: string): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    const all = values as ParsedArgs['values'];
    const str = (name: string) => (typeof all[name] === 'string' ? (all[name] as string) : undefined);
    const list = (name: string) => {
      const raw = all[name];
      const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
      return items.flatMap((v) => listOption(v) ?? []);
    };
    return { values: all, positionals, str, list };
  } catch (error) {
    throw new InputError('BAD_OPTION', (error as Error).message.replace(/\. To specify.*$/s, ''), { hint: `Usage: ${usage}` });
  }
}

export function listOption(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((v) => v.trim()).filter(Boolean);
}

export function choice<T extends string>(value: string | undefined, choices: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  const found = choices.find((c) => c.toLowerCase() === value.toLowerCase());
  if (!found) throw new InputError('BAD_OPTION', `"${value}" is not a valid value`, { where: flag, expected: `one of ${choices.join(', ')}` });
  return found;
}

export function positiveNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InputError('BAD_OPTION', `"${value}" is not a positive number`, { where: flag });
  return n;
}
