import type { MeasuredRun } from './measure.js';

/**
 * What a laid-out page holds: positioned shapes and text, in drawing order groups. The layout
 * produces these without touching pdfkit, so tests can check geometry (where a box is, where an
 * arrow runs) and the renderer only paints. Coordinates: points, origin top left, y down.
 */
export interface Point {
  x: number;
  y: number;
}

export interface TextItem {
  kind: 'text';
  x: number;
  /** Baseline. */
  y: number;
  size: number;
  runs: MeasuredRun[];
  color: string;
  /** Width as measured, for right or centre alignment done by the layout. */
  width: number;
  /** A white box behind the text (arrow labels drawn over curves). */
  backdrop?: boolean;
  /** The id of the span whose label name this is. */
  labelOf?: string;
}

export interface BoxItem {
  kind: 'box';
  x: number;
  y: number;
  w: number;
  h: number;
  color: string;
  /** The span this box draws (one box per span per line). */
  spanId: string;
  tier: number;
}

export interface SwatchItem {
  kind: 'swatch';
  x: number;
  y: number;
  w: number;
  h: number;
  color: string;
}

export interface RuleItem {
  kind: 'rule';
  from: Point;
  to: Point;
  color: string;
}

/** A cubic curve from `from` to `to`; `head` draws an arrowhead at `to`. */
export interface ArrowItem {
  kind: 'arrow';
  arrowId: string;
  from: Point;
  c1: Point;
  c2: Point;
  to: Point;
  color: string;
  head: boolean;
}

export type DrawItem = TextItem | BoxItem | SwatchItem | RuleItem | ArrowItem;

export interface LaidOutPage {
  /** 1-based number in the output file. */
  number: number;
  items: DrawItem[];
}

/** The point at parameter t of a cubic curve (tests sample arrows with it). */
export function curvePoint(a: Pick<ArrowItem, 'from' | 'c1' | 'c2' | 'to'>, t: number): Point {
  const u = 1 - t;
  const w = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return {
    x: w[0] * a.from.x + w[1] * a.c1.x + w[2] * a.c2.x + w[3] * a.to.x,
    y: w[0] * a.from.y + w[1] * a.c1.y + w[2] * a.c2.y + w[3] * a.to.y,
  };
}
