/** Value parsers for option rows: each turns a flag's text into a value or throws InputError naming the flag. */
import { InputError } from '../core/errors.js';
import { didYouMean } from './suggest.js';

export function listOption(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((v) => v.trim()).filter(Boolean);
}

/** A repeatable flag: `--project a,b --project c` collects a, b, c. */
export function repeatable(raw: string, _flag: string, previous: unknown): string[] {
  return [...(Array.isArray(previous) ? (previous as string[]) : []), ...(listOption(raw) ?? [])];
}

export function choice<T extends string>(value: string, choices: readonly T[], flag: string): T {
  const found = choices.find((c) => c.toLowerCase() === value.toLowerCase());
  if (!found) throw new InputError('BAD_OPTION', `"${value}" is not a valid value`, { where: flag, expected: `one of ${choices.join(', ')}`, hint: didYouMean(value, choices) });
  return found;
}

/** A parser for a flag taking one of `choices` (any case; the canonical spelling is kept). */
export function oneOf<T extends string>(choices: readonly T[]): (raw: string, flag: string) => T {
  return (raw, flag) => choice(raw, choices, flag);
}

export function positiveNumber(value: string, flag: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InputError('BAD_OPTION', `"${value}" is not a positive number`, { where: flag });
  return n;
}

export function wholeNumber(value: string, flag: string): number {
  if (!/^\d+$/.test(value)) throw new InputError('BAD_OPTION', `"${value}" is not a whole number`, { where: flag, expected: 'a whole number such as 2' });
  return Number(value);
}

export function positiveWholeNumber(value: string, flag: string): number {
  const n = positiveNumber(value, flag);
  if (!Number.isInteger(n)) throw new InputError('BAD_OPTION', `"${value}" is not a whole number`, { where: flag, expected: 'a whole number such as 2' });
  return n;
}

export function portNumber(value: string, flag: string): number {
  const port = Number(value);
  if (value.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) throw new InputError('BAD_OPTION', `"${value}" is not a port number`, { where: flag, expected: '0 (any free port) to 65535' });
  return port;
}
