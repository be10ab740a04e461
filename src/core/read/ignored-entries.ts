import type { Severity } from '../report/kinds.js';
import type { Report } from '../report/report.js';
import type { IgnoredEntry, OpenedInput } from './input.js';
import type { IgnoredReason } from './layout.js';

/**
 * How much each reason for not reading a file matters (decided): what an operating system or a
 * tool adds is expected and only noted; a file outside the export layout or one that is not a
 * regular file may be a document the user meant, so it is a warning.
 */
const SEVERITY: Record<IgnoredReason, Severity> = {
  'operating-system file': 'info',
  'hidden file outside the export layout': 'info',
  'not in the export layout': 'warning',
  'not a regular file (a FIFO, socket or device)': 'warning',
  'a link to a folder (not followed)': 'warning',
  'a broken link': 'warning',
  'larger than one file may be in this process (raise --max-entry-bytes if it is trusted)': 'warning',
};

/** Files named per message; the count is always complete. */
const SHOWN = 5;

/** One line per reason: how many files, and the first few. */
export function describeIgnored(entries: readonly IgnoredEntry[]): Array<{ reason: IgnoredReason; text: string }> {
  const byReason = new Map<IgnoredReason, string[]>();
  // Appended in place: a copy per entry made 60,000 ignored entries of one reason quadratic.
  for (const entry of entries) {
    const files = byReason.get(entry.reason);
    if (files) files.push(entry.file);
    else byReason.set(entry.reason, [entry.file]);
  }
  return (Object.keys(SEVERITY) as IgnoredReason[])
    .filter((reason) => byReason.has(reason))
    .map((reason) => {
      const files = byReason.get(reason)!;
      const shown = files.slice(0, SHOWN).join(', ') + (files.length > SHOWN ? `, … (${files.length - SHOWN} more)` : '');
      return { reason, text: `${files.length} file(s) not read: ${reason}: ${shown}` };
    });
}

/** Names the files of the input that were not read (`InputFileIgnored`), once per reason. */
export function reportIgnoredEntries(opened: Pick<OpenedInput, 'ignored'>, report: Report): void {
  for (const { reason, text } of describeIgnored(opened.ignored ?? [])) report.add({ kind: 'InputFileIgnored', severity: SEVERITY[reason], text });
}
