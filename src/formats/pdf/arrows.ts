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

/**
 * Draws one arrow on the current page as a curve from the origin span's box to the destination
 * span's box, arching through the arrow lane above the higher of the two lines, with an arrowhead
 * at the destination and the label at the top of the curve. When only one end is on this page,
 * the curve runs to the page's right margin and a note names the page the other end is on.
 */
export function layoutArrow(b: PageBuilder, ends: ArrowEnds): void {
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
    const mid = curvePoint(item, 0.5);
    const width = b.measure.width(label, geo.smallSize);
    const x = Math.min(Math.max(mid.x - width / 2, geo.margin * 0.25), geo.width - geo.margin * 0.25 - width);
    b.text(label, x, mid.y + geo.smallSize * 0.35, geo.smallSize, ends.color, true);
  }
}
