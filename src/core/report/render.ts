import { MESSAGE_KIND_NAMES } from './kinds.js';
import { effectiveSeverity, Report, type ConversionMessage, type MessagePlace } from './report.js';
import { Tally, type ReportSummary } from './tally.js';

export type { ReportSummary } from './tally.js';

export function summarize(messages: readonly ConversionMessage[], strict = false): ReportSummary {
  const tally = new Tally();
  for (const m of messages) tally.add(m);
  return tally.summary(strict);
}

/** The JSON form (`--report file.json`): stable key order, one object per message. */
export function renderReportJson(messages: readonly ConversionMessage[], strict = false): string {
  const ordered = messages.map((m) => Object.assign({}, m, { severity: effectiveSeverity(m, strict) }));
  return JSON.stringify({ version: 1, strict, summary: summarize(messages, strict), messages: ordered }, null, 2) + '\n';
}

export function formatPlace(place: MessagePlace | undefined): string {
  if (!place) return '';
  const parts: string[] = [];
  if (place.file) parts.push(place.file);
  if (place.jsonPath) parts.push(place.jsonPath);
  if (place.line !== undefined) parts.push(`line ${place.line}`);
  if (place.row !== undefined) parts.push(`row ${place.row}`);
  if (place.column !== undefined && place.column !== 0) parts.push(`column ${place.column}`);
  if (place.token !== undefined) parts.push(`token ${place.token}`);
  if (place.char !== undefined && place.char !== 0) parts.push(`char ${place.char}`);
  return parts.join(', ');
}

/**
 * One line per message, then a count per kind. `limit` caps the lines (the counts stay complete).
 * Given a run's Report, the counts are the run's, including messages it did not keep in memory.
 */
export function renderReportText(source: readonly ConversionMessage[] | Report, options: { strict?: boolean; limit?: number } = {}): string {
  const strict = options.strict ?? false;
  const lines: string[] = [];
  const messages = source instanceof Report ? source.all() : source;
  const summary = source instanceof Report ? source.summary(strict) : summarize(messages, strict);
  const shown = options.limit === undefined ? messages : messages.slice(0, options.limit);
  for (const m of shown) {
    const where = [m.format, m.document && `${m.document}${m.cabinet ? ` [${m.cabinet}]` : ''}`, formatPlace(m.place)]
      .filter(Boolean)
      .join(' · ');
    const label = m.labelId ? ` (label ${m.labelId}${m.label ? ` "${m.label}"` : ''})` : '';
    lines.push(`${effectiveSeverity(m, strict)} ${m.kind}${where ? ` ${where}` : ''}: ${m.text}${label}`);
  }
  if (shown.length < summary.total) lines.push(`… ${summary.total - shown.length} more (see --report for all)`);
  const kinds = MESSAGE_KIND_NAMES.filter((k) => summary.byKind[k]).map((k) => `${k} ${summary.byKind[k]}`);
  lines.push(
    `report: ${summary.bySeverity.error} error(s), ${summary.bySeverity.warning} warning(s), ${summary.bySeverity.info} info${kinds.length ? ` — ${kinds.join(', ')}` : ''}`,
  );
  return lines.join('\n') + '\n';
}
