import type { Arrow } from '../../model/types.js';
import { curvePoint, type ArrowItem, type Point } from './items.js';
import type { PageBuilder } from './page-builder.js';
import type { SpanAnchor } from './rows.js';

export interface ArrowEnds {
  arrow: Arrow;
  origin: SpanAnchor;
  destination: SpanAnchor;
  color: string;
}

/** Arrow labels already placed on the page, so a new one moves along its curve instead of covering them. */
export interface LabelRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Draws one arrow on the current page as a curve from the origin span's box to the destination
 * span's box, arching through the arrow lane above the higher of the two lines, with an arrowhead
 * at the destination and the label at the top of the curve. When only one end is on this page,
 * the curve runs to the page's right margin and a note names the page the other end is on.
 */
export function layoutArrow(b: PageBuilder, ends: ArrowEnds, placed: LabelRect[]): void {
  const page = b.page!.number;
  const { geo } = b;
  const { origin, destination } = ends;
  const edgeX = geo.width - geo.margin * 0.5;
  let from: Point;
  let to: Point;
  let top: number;
  let note: string | undefined;
  if (origin.page === page && destination.page === page) {
    from = { x: origin.x, y: origin.y };
    to = { x: destination.x, y: destination.y };
    top = Math.min(origin.laneTop, destination.laneTop);
  } else if (origin.page === page) {
    from = { x: origin.x, y: origin.y };
    to = { x: edgeX, y: origin.laneTop + geo.arrowLane * 0.5 };
    top = origin.laneTop;
    note = `to p. ${destination.page}`;
  } else {
    from = { x: edgeX, y: destination.laneTop + geo.arrowLane * 0.5 };
    to = { x: destination.x, y: destination.y };
    top = destination.laneTop;
    note = `from p. ${origin.page}`;
  }
  // Control points above both ends so the curve's apex (at t = 0.5) lands near the lane's top.
  const apex = top + geo.smallSize * 0.4;
  const lift = (apex - 0.125 * (from.y + to.y)) / 0.75;
  const spread = Math.abs(to.x - from.x) < 1 ? geo.fontSize : 0;
  const item: ArrowItem = {
    kind: 'arrow',
    arrowId: ends.arrow.id,
    from,
    c1: { x: from.x - spread, y: Math.min(lift, from.y) },
    c2: { x: to.x + spread, y: Math.min(lift, to.y) },
    to,
    color: ends.color,
    head: true,
  };
  b.add(item);
  const label = [ends.arrow.labelName, note].filter(Boolean).join(' ');
  if (label) {
    const width = b.measure.width(label, geo.smallSize);
    const h = geo.smallSize * 1.1;
    const rectAt = (t: number): LabelRect => {
      const p = curvePoint(item, t);
      const x = Math.min(Math.max(p.x - width / 2, geo.margin * 0.25), geo.width - geo.margin * 0.25 - width);
      return { x, y: p.y - h / 2, w: width, h };
    };
    const hits = (r: LabelRect) => placed.some((o) => r.x < o.x + o.w && o.x < r.x + r.w && r.y < o.y + o.h && o.y < r.y + r.h);
    const rect = [0.5, 0.62, 0.38, 0.74, 0.26, 0.86, 0.14].map(rectAt).find((r) => !hits(r)) ?? rectAt(0.5);
    placed.push(rect);
    b.text(label, rect.x, rect.y + h / 2 + geo.smallSize * 0.35, geo.smallSize, ends.color, true);
  }
}
