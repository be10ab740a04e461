import { MESSAGE_KIND_NAMES } from './kinds.js';
import { effectiveSeverity, type ConversionMessage, type MessagePlace } from './report.js';

export interface ReportSummary {
  total: number;
  bySeverity: Record<'error' | 'warning' | 'info', number>;
  byKind: Record<string, number>;
}

export function summarize(messages: readonly ConversionMessage[], strict = false): ReportSummary {
  const summary: ReportSummary = { total: messages.length, bySeverity: { error: 0, warning: 0, info: 0 }, byKind: {} };
  for (const m of messages) {
    summary.bySeverity[effectiveSeverity(m, strict)]++;
    summary.byKind[m.kind] = (summary.byKind[m.kind] ?? 0) + 1;
  }
  return summary;
}

/** The JSON form (`--report file.json`): stable key order, one object per message. */
export function renderReportJson(messages: readonly ConversionMessage[], strict = false): string {
  const ordered = messages.map((m) => ({ ...m, severity: effectiveSeverity(m, strict) }));
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

/** One line per message, then a count per kind. `limit` caps the lines (the counts stay complete). */
export function renderReportText(messages: readonly ConversionMessage[], options: { strict?: boolean; limit?: number } = {}): string {
  const strict = options.strict ?? false;
  const lines: string[] = [];
  const shown = options.limit === undefined ? messages : messages.slice(0, options.limit);
  for (const m of shown) {
    const where = [m.format, m.document && `${m.document}${m.cabinet ? ` [${m.cabinet}]` : ''}`, formatPlace(m.place)]
      .filter(Boolean)
      .join(' · ');
    const label = m.labelId ? ` (label ${m.labelId}${m.label ? ` "${m.label}"` : ''})` : '';
    lines.push(`${effectiveSeverity(m, strict)} ${m.kind}${where ? ` ${where}` : ''}: ${m.text}${label}`);
  }
  if (shown.length < messages.length) lines.push(`… ${messages.length - shown.length} more (see --report for all)`);
  const summary = summarize(messages, strict);
  const kinds = MESSAGE_KIND_NAMES.filter((k) => summary.byKind[k]).map((k) => `${k} ${summary.byKind[k]}`);
  lines.push(
    `report: ${summary.bySeverity.error} error(s), ${summary.bySeverity.warning} warning(s), ${summary.bySeverity.info} info${kinds.length ? ` — ${kinds.join(', ')}` : ''}`,
  );
  return lines.join('\n') + '\n';
}
