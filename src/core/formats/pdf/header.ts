import type { Document } from '../../model/types.js';
import { ARROW_COLOR, labelKey } from './colors.js';
import type { PageBuilder } from './page-builder.js';
import type { DrawnLabels } from './select.js';

const MUTED = '#555555';

/** The document's header: its name, then project and cabinet, then a rule. */
export function layoutHeader(b: PageBuilder, doc: Document): void {
  const { geo } = b;
  const title = geo.fontSize * 1.4;
  b.text(doc.name, geo.margin, b.y + title, title, '#000000');
  b.y += title * 1.4;
  b.text(`Project: ${doc.project.name} (${doc.project.id})    Cabinet: ${doc.cabinet.folder}    Document id: ${doc.id}`, geo.margin, b.y + geo.smallSize * 1.2, geo.smallSize * 1.2, MUTED);
  b.y += geo.smallSize * 1.2 * 1.6;
  b.add({ kind: 'rule', from: { x: geo.margin, y: b.y }, to: { x: geo.width - geo.margin, y: b.y }, color: '#999999' });
  b.y += geo.fontSize * 0.8;
}

/**
 * The legend: each drawn label set with its labels (colour swatch, name, and how many were drawn),
 * then the arrow labels with their counts. A relation label set (one that arrows use and no span
 * does) counts its arrows and shows line swatches, and its arrows are not listed again. Entries
 * flow left to right and wrap.
 */
export function layoutLegend(b: PageBuilder, doc: Document, drawn: DrawnLabels, colors: ReadonlyMap<string, string>, shownSets: ReadonlySet<number>, onNewPage: () => void): void {
  const { geo } = b;
  const size = geo.smallSize * 1.2;
  const lineHeight = size * 1.7;
  const count = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const spanCounts = new Map<string, number>();
  for (const s of drawn.spans) count(spanCounts, labelKey(s.layer, s.labelItemId));
  const arrowCounts = new Map<string, number>();
  for (const a of drawn.arrows) if (a.layer != null && a.labelItemId != null) count(arrowCounts, labelKey(a.layer, a.labelItemId));
  const spanLayers = new Set(doc.spans.map((s) => s.layer));
  const relationSets = new Set(doc.labelSets.filter((set) => shownSets.has(set.index) && !spanLayers.has(set.index) && doc.arrows.some((a) => a.layer === set.index)).map((set) => set.index));

  let x = geo.margin;
  const newLine = () => {
    b.y += lineHeight;
    x = geo.margin + size * 2;
    b.ensureRoom(lineHeight, onNewPage);
  };
  const heading = (text: string) => {
    b.ensureRoom(lineHeight * 2, onNewPage);
    b.text(text, geo.margin, b.y + size, size, '#000000');
    newLine();
  };
  const entry = (color: string, text: string, swatch: 'box' | 'line') => {
    const width = size + 3 + b.measure.width(text, size) + size * 1.5;
    if (x + width > geo.width - geo.margin && x > geo.margin + size * 2) newLine();
    if (swatch === 'box') b.add({ kind: 'swatch', x, y: b.y + size * 0.1, w: size, h: size, color });
    else b.add({ kind: 'rule', from: { x, y: b.y + size * 0.6 }, to: { x: x + size, y: b.y + size * 0.6 }, color });
    b.text(text, x + size + 3, b.y + size, size, '#000000');
    x += width;
  };

  for (const set of doc.labelSets) {
    if (!shownSets.has(set.index)) continue;
    const relation = relationSets.has(set.index);
    heading(set.name || `Label set ${set.index + 1}`);
    for (const item of set.items) {
      const key = labelKey(set.index, item.id);
      entry(colors.get(key)!, `${item.labelName} (${(relation ? arrowCounts : spanCounts).get(key) ?? 0})`, relation ? 'line' : 'box');
    }
    b.y += lineHeight;
  }
  // Spans whose label is not an item of its set still count somewhere: list them by name.
  const known = new Set(doc.labelSets.flatMap((set) => set.items.map((i) => labelKey(set.index, i.id))));
  const unknown = [...spanCounts].filter(([key]) => !known.has(key));
  if (unknown.length) {
    heading('Labels not in a label set');
    for (const [key, n] of unknown) {
      const span = drawn.spans.find((s) => labelKey(s.layer, s.labelItemId) === key)!;
      entry(colors.get(key) ?? ARROW_COLOR, `${span.labelName} (${n})`, 'box');
    }
    b.y += lineHeight;
  }
  // Arrows not counted above: those of span label sets, without a label, or with an unknown one.
  const counted = (a: DrawnLabels['arrows'][number]) => a.layer != null && a.labelItemId != null && relationSets.has(a.layer) && known.has(labelKey(a.layer, a.labelItemId));
  const rest = drawn.arrows.filter((a) => !counted(a));
  if (rest.length) {
    heading('Arrows');
    const arrowNames = new Map<string, { color: string; count: number }>();
    for (const a of rest) {
      const name = a.labelName ?? '(no label)';
      const color = (a.labelItemId != null && a.layer != null && colors.get(labelKey(a.layer, a.labelItemId))) || ARROW_COLOR;
      const hit = arrowNames.get(name) ?? { color, count: 0 };
      hit.count++;
      arrowNames.set(name, hit);
    }
    for (const [name, { color, count: n }] of arrowNames) entry(color, `${name} (${n})`, 'line');
    b.y += lineHeight;
  }
  b.add({ kind: 'rule', from: { x: geo.margin, y: b.y }, to: { x: geo.width - geo.margin, y: b.y }, color: '#cccccc' });
  b.y += geo.fontSize;
}
