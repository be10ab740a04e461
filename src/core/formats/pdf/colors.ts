import type { LabelItem, LabelSet } from '../../model/types.js';

/**
 * Fixed palette for labels without a colour of their own (Tableau 10: distinct hues that stay
 * readable as a light fill behind black text and as a stroke). Assigned in label-set order, so
 * the same project gives the same colours in every document.
 */
export const PALETTE: readonly string[] = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];

/** Colour of arrows whose label has no colour. */
export const ARROW_COLOR = '#333333';
/** Opacity of the span box fill: nested and overlapping boxes stay visible through each other. */
export const BOX_FILL_OPACITY = 0.22;

const HEX = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** `#rrggbb` for a `#rgb`/`#rrggbb` string (with or without `#`), else undefined. */
export function normalizeHex(color: string | null | undefined): string | undefined {
  const m = color ? HEX.exec(color.trim()) : null;
  if (!m) return undefined;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return `#${hex.toLowerCase()}`;
}

export function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(normalizeHex(hex)!.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Key of a label item in the colour map: label sets may reuse item ids. */
export const labelKey = (layer: number, itemId: string) => `${layer}\u0000${itemId}`;

/** Colour of every label item: its own `color` when it is a hex colour, else the next palette entry. */
export function labelColors(labelSets: readonly LabelSet[]): Map<string, string> {
  const colors = new Map<string, string>();
  let next = 0;
  for (const set of labelSets) {
    for (const item of set.items) {
      colors.set(labelKey(set.index, item.id), normalizeHex(item.color) ?? PALETTE[next++ % PALETTE.length]);
    }
  }
  return colors;
}

/** Colour for a label that is not in its label set (an id the set does not know). */
export function fallbackColor(item: Pick<LabelItem, 'id'>): string {
  let hash = 0;
  for (const ch of item.id) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return PALETTE[hash % PALETTE.length];
}

const darkened = new Map<string, string>();

/** The colour mixed toward black: label names drawn in a light label colour stay readable. */
export function darken(hex: string, amount = 0.35): string {
  const key = `${hex}/${amount}`;
  let dark = darkened.get(key);
  if (dark === undefined) {
    const [r, g, b] = hexToRgb(hex).map((c) => Math.round(c * (1 - amount)));
    dark = `#${((r << 16) | (g << 8) | b).toString(16).padStart(6, '0')}`;
    // Bounded: an export may name any number of colours.
    if (darkened.size >= 10_000) darkened.clear();
    darkened.set(key, dark);
  }
  return dark;
}
