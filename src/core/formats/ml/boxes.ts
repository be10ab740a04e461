import type { BoundingBox, Document, Point, Shape } from '../../model/types.js';
import type { Report } from '../../report/report.js';
import type { WriteContext } from '../types.js';

/** An axis-aligned rectangle in page pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PageSize {
  width: number;
  height: number;
}

/** A page's size from the export's `pages`, when it has one (both sides positive). */
export function pageSize(doc: Document, pageIndex: number): PageSize | undefined {
  const page = doc.pages.find((p) => p.pageIndex === pageIndex);
  if (!page || !(page.pageWidth! > 0) || !(page.pageHeight! > 0)) return undefined;
  return { width: page.pageWidth!, height: page.pageHeight! };
}

/** The pages a box format writes an image for: the export's pages, plus any page only a shape names. */
export function pageIndexes(doc: Document): number[] {
  const indexes = new Set(doc.pages.map((p) => p.pageIndex));
  for (const box of doc.boundingBoxes) for (const shape of box.shapes) indexes.add(shape.pageIndex);
  return [...indexes].sort((a, b) => a - b);
}

/**
 * The image file a page stands for: the document itself when it has one page (an uploaded image),
 * else `<document>-page-<n>.png` (n from 1) for a page rendered from a multi-page document (decided).
 */
export function pageImageName(doc: Document, pageIndex: number): string {
  return pageIndexes(doc).length <= 1 ? doc.name : `${doc.name}-page-${pageIndex + 1}.png`;
}

/** The rectangle around a shape's points (the export's boxes are 4 corners, not always axis-aligned). */
export function boundingRect(points: readonly Point[]): Rect {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** Shoelace area of a polygon (absolute). */
export function polygonArea(points: readonly Point[]): number {
  let twice = 0;
  for (let i = 0; i < points.length; i++) {
    const a = points[i];
    const b = points[(i + 1) % points.length];
    twice += a.x * b.y - b.x * a.y;
  }
  return Math.abs(twice) / 2;
}

/** True when the points are exactly an axis-aligned rectangle (so a rectangle format loses nothing). */
export function isAxisAlignedRectangle(points: readonly Point[]): boolean {
  if (points.length !== 4) return false;
  const rect = boundingRect(points);
  const onCorner = points.every((p) => (p.x === rect.x || p.x === rect.x + rect.width) && (p.y === rect.y || p.y === rect.y + rect.height));
  return onCorner && Math.abs(polygonArea(points) - rect.width * rect.height) < 1e-9;
}

/** A shape a format can place: it has at least one point. */
export function usableShapes(box: BoundingBox): Shape[] {
  return box.shapes.filter((s) => s.points.length > 0);
}

/**
 * The boxes a format writes: REJECTED boxes are left out, CONFLICT boxes too unless
 * `--include-conflicts` (the rule every span format follows), and a box without any point cannot be
 * placed (`BoxNotWritten`). Each is reported.
 */
export function eligibleBoxes(doc: Document, ctx: WriteContext): BoundingBox[] {
  const kept: BoundingBox[] = [];
  for (const box of doc.boundingBoxes) {
    const named = { labelId: box.id, label: box.className };
    if (box.status === 'REJECTED') ctx.report.add({ kind: 'RejectedLabelSkipped', text: 'rejected bounding box left out', ...named });
    else if (box.labeledBy === 'CONFLICT' && !ctx.options.includeConflicts) ctx.report.add({ kind: 'ConflictLabelSkipped', text: 'unresolved conflict bounding box left out', ...named });
    else if (usableShapes(box).length === 0) ctx.report.add({ kind: 'BoxNotWritten', text: 'bounding box has no shape with points; nothing to place', ...named });
    else kept.push(box);
  }
  return kept;
}

export interface BoxClass {
  /** Datasaur class id. */
  id: string;
  name: string;
  /** The box label set it belongs to, when known. */
  setName?: string;
}

/**
 * The classes of a detection dataset in id order: every class of the export's box label sets in
 * their order, then classes only boxes name. The list only grows, so ids stay valid across the
 * documents of a `--combine` run (documents of one project share their label sets).
 */
export class ClassVocabulary {
  readonly classes: BoxClass[] = [];
  private readonly index = new Map<string, number>();

  private add(id: string, name: string, setName?: string): void {
    if (this.index.has(id)) return;
    this.index.set(id, this.classes.length);
    this.classes.push({ id, name, setName });
  }

  addDocument(doc: Document): void {
    for (const set of doc.boundingBoxLabelSets) for (const c of set.classes) this.add(c.id, c.name, set.name ?? undefined);
    for (const box of doc.boundingBoxes) this.add(box.classId, box.className);
  }

  /** 0-based class index of a box's class. */
  of(box: BoundingBox): number {
    const i = this.index.get(box.classId);
    if (i === undefined) throw new Error(`class ${box.classId} is not in the vocabulary`);
    return i;
  }
}

export function hasCaption(box: BoundingBox): boolean {
  return typeof box.caption === 'string' && box.caption !== '';
}

export function hasAnswers(box: BoundingBox): boolean {
  // An answer set (question id → answer); present when at least one question has an answer.
  const a = box.answers;
  return a !== undefined && a !== null && Object.values(a).some((v) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0));
}

/** Comments are not in any box format; said once per document. */
export function reportComments(doc: Document, report: Report): void {
  if (doc.comments.length) report.once('CommentNotRepresented', { kind: 'CommentNotRepresented', text: `${doc.comments.length} comment(s) not written` });
}
