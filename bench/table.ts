import type { Measured } from './run.js';

const COLUMNS = ['scenario', 'format', 'variant', 'wall s', 'cpu s', 'in MB/s', 'units/s', 'peak RSS MB', 'out MB', 'x floor', 'x baseline', 'msgs'] as const;

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
const rate = (value: number) => (!Number.isFinite(value) ? '-' : value >= 1e6 ? `${(value / 1e6).toFixed(2)}M` : value >= 1e4 ? `${(value / 1e3).toFixed(0)}k` : value.toFixed(1));

/** One row per measured case; errors and timeouts are shown in place of numbers. */
export function renderTable(rows: readonly Measured[]): string {
  const cells = rows.map((m) => {
    if (m.library.error) return [m.scenario, m.format, m.variant, `ERROR ${m.library.error.replace(/\s+/g, ' ').slice(0, 100)}`, '', '', '', '', '', '', '', ''];
    const seconds = m.library.wallMs / 1000;
    return [
      m.scenario,
      m.format,
      m.variant,
      fixed(seconds, 2),
      fixed(m.library.cpuMs / 1000, 2),
      fixed(m.inputMB / seconds, 1),
      `${rate(m.units / seconds)} ${m.unit}`,
      fixed(m.library.maxRssMB, 0),
      fixed(m.library.outBytes / 2 ** 20, 1),
      // Ratios on CPU time: on a shared machine wall time also measures the neighbours' load.
      m.floor && !m.floor.error ? fixed(m.library.cpuMs / m.floor.cpuMs, 2) : '-',
      m.baseline && !m.baseline.error ? fixed(m.library.cpuMs / m.baseline.cpuMs, 2) : '-',
      String(m.library.messages ?? ''),
    ];
  });
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i].length)));
  const line = (r: readonly string[]) => `| ${r.map((v, i) => (i < 3 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join(' | ')} |`;
  return [line(COLUMNS), `|${widths.map((w, i) => (i < 3 ? ':' : '-') + '-'.repeat(w) + (i < 3 ? '-' : ':')).join('|')}|`, ...cells.map(line)].join('\n');
}
