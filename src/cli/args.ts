import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '../errors.js';

/** parseArgs with usage errors turned into InputError (exit 2, one line, no stack). */
export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parseCommandArgs(argv: string[], options: NonNullable<ParseArgsConfig['options']>, usage: string): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as ParsedArgs['values'], positionals };
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
