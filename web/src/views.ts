/**
 * The page's tables, built from what the worker answered: `inspect`'s counts, the report, the
 * output files. Plain DOM with captions and header cells, so screen readers read them as tables.
 */
import { formatPlace, summarize } from '../../src/core/report/render.js';
import type { ConversionMessage, DocumentCounts } from '../../src/core/index.js';
import type { InspectedProject } from './protocol.js';
import type { OutputBlob } from './converter-client.js';
import { formatBytes } from './dropped-input.js';

type Child = Node | string | number | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(typeof child === 'number' ? String(child) : child);
  return node;
}

function table(caption: string, header: readonly string[], rows: readonly Child[][], numeric: ReadonlySet<number> = new Set()): HTMLTableElement {
  return el(
    'table',
    {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...header.map((h, i) => el('th', { scope: 'col', ...(numeric.has(i) ? { class: 'number' } : {}) }, h)))),
    el('tbody', {}, ...rows.map((cells) => el('tr', {}, ...cells.map((c, i) => (i === 0 ? el('th', { scope: 'row' }, c) : el('td', numeric.has(i) ? { class: 'number' } : {}, c)))))),
  );
}

/** `inspect`'s counts: one table per project, a row per document copy, and a total. */
export function inspectView(input: string, inputType: string, projects: readonly InspectedProject[], problems: readonly ConversionMessage[]): HTMLElement {
  const out = el('div', {}, el('p', {}, `${input} (${inputType})`));
  for (const p of projects) {
    const names = new Set(p.documents.map((d) => d.name));
    out.append(
      el('h3', {}, `Project “${p.name}”`),
      el('p', {}, `id ${p.id} · ${p.kinds.join(', ') || 'no document read'} · ${names.size} document(s) × ${p.cabinets.length} cabinet(s): ${p.cabinets.join(', ')}`),
    );
    const ways = readAs(p.documents);
    if (ways) out.append(el('p', {}, ways));
    const rows = p.documents.map((d) => [d.cabinet, d.name, d.rows, d.tokens, spansBySet(d, p), d.arrows, d.timestamps, d.rowAnswers + d.documentAnswers, d.boundingBoxes]);
    const sum = (pick: (d: DocumentCounts) => number) => p.documents.reduce((s, d) => s + pick(d), 0);
    rows.push(['Total', `${p.documents.length} document copies`, sum((d) => d.rows), sum((d) => d.tokens), `${sum((d) => d.spans)} spans`, sum((d) => d.arrows), sum((d) => d.timestamps), sum((d) => d.rowAnswers + d.documentAnswers), sum((d) => d.boundingBoxes)]);
    out.append(table(`Counts of project “${p.name}”`, ['Cabinet', 'Document', 'Rows', 'Tokens', 'Spans by label set', 'Arrows', 'Timestamps', 'Answers', 'Boxes'], rows, new Set([2, 3, 5, 6, 7, 8])));
  }
  out.append(problems.length ? reportView('Problems found while reading', problems) : el('p', {}, 'Problems found while reading: none.'));
  return out;
}

function spansBySet(d: DocumentCounts, p: InspectedProject): string {
  const name = (index: string) => p.labelSets.find((s) => String(s.index) === index)?.name;
  return Object.entries(d.spansByLabelSet).map(([set, n]) => `${name(set) ?? set}: ${n}`).join(', ') || '–';
}

/** What the files were read as and why, when every document was read the same way. */
function readAs(documents: readonly DocumentCounts[]): string | undefined {
  const ways = new Set(documents.filter((d) => d.readAs).map((d) => `${d.readAs!.format}${d.readAs!.layout ? ` (${d.readAs!.layout})` : ''}: ${d.readAs!.because}`));
  return ways.size === 1 ? `Read as ${[...ways][0]}` : undefined;
}

/** The report as a table: severity, kind, where, what. */
export function reportView(caption: string, messages: readonly ConversionMessage[]): HTMLElement {
  const summary = summarize(messages);
  const counts = `${summary.bySeverity.error} error(s), ${summary.bySeverity.warning} warning(s), ${summary.bySeverity.info} info`;
  if (messages.length === 0) return el('p', {}, `${caption}: none.`);
  const rows = messages.map((m) => [
    m.severity,
    m.kind,
    [m.format, m.document && `${m.document}${m.cabinet ? ` [${m.cabinet}]` : ''}`, formatPlace(m.place)].filter(Boolean).join(' · '),
    m.text + (m.labelId ? ` (label ${m.labelId}${m.label ? ` “${m.label}”` : ''})` : ''),
  ]);
  return el('div', { class: 'report' }, table(`${caption} (${counts})`, ['Severity', 'Kind', 'Where', 'Message'], rows));
}

/** The output files, each with its download and preview buttons (found by `data-` attributes). */
export function filesView(files: readonly OutputBlob[]): HTMLElement {
  const rows = files.map((f, i) => [
    f.path,
    f.format,
    formatBytes(f.blob.size),
    el(
      'span',
      { class: 'actions' },
      el('button', { type: 'button', 'data-download': String(i), 'aria-label': `Download ${f.path}` }, 'Download'),
      ' ',
      el('button', { type: 'button', 'data-preview': String(i), 'aria-label': `Preview ${f.path}` }, 'Preview'),
    ),
  ]);
  return table(`${files.length} output file(s)`, ['File', 'Format', 'Size', 'Actions'], rows, new Set([2]));
}
