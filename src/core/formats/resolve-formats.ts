import { InputError } from '../errors.js';
import { findWriter, registeredFormats } from './registry.js';
import type { FormatName, FormatWriter } from './types.js';

/** Formats asked for: names from the `FormatName` union, or 'all' (every format that fits each document). */
export type FormatSelection = readonly FormatName[] | 'all';

/**
 * Format names typed by a user (any case, `all` alone meaning every format) checked against the
 * registry: an unknown name is a usage error naming the choices. Typed callers pass `FormatName`s
 * and `tsc` catches a wrong name; this is for names that arrive as text (command line, forms).
 */
export function formatSelection(names: readonly string[] | 'all'): FormatSelection {
  if (names === 'all' || (names.length === 1 && names[0].trim().toLowerCase() === 'all')) return 'all';
  return names.map((name) => {
    const writer = findWriter(name.trim());
    if (!writer) {
      throw new InputError('BAD_OPTION', `unknown or unavailable format "${name}"`, {
        where: '--to',
        expected: `one of ${registeredFormats().map((w) => w.name).join(', ')} or all`,
      });
    }
    return writer.name;
  });
}

/** The writers of a selection, in the order asked (every registered writer for 'all'). */
export function resolveFormats(to: FormatSelection | readonly string[]): FormatWriter[] {
  const selection = formatSelection(to);
  return selection === 'all' ? [...registeredFormats()] : selection.map((name) => findWriter(name)!);
}

/** Whether formats were named (a writer that does not fit a document is then reported). */
export function isExplicit(to: FormatSelection | readonly string[]): boolean {
  return formatSelection(to) !== 'all';
}
