import type { ConvertOptions } from '../options.js';

/** Page sizes in points (1/72 inch), portrait. */
export const PAGE_SIZES = { A4: [595.28, 841.89], LETTER: [612, 792] } as const;

/**
 * Every length the layout uses, derived from the page size and the font size so that a larger
 * font scales the whole picture. Coordinates have their origin at the page's top left, y down
 * (as pdfkit draws).
 */
export interface PageGeometry {
  width: number;
  height: number;
  margin: number;
  /** Left edge of row text (the row-number gutter sits between the margin and here). */
  textLeft: number;
  textRight: number;
  top: number;
  /** Lowest y content may reach; the page number sits below it. */
  bottom: number;
  fontSize: number;
  /** Size of label names, arrow labels, row numbers and page numbers. */
  smallSize: number;
  /** Height of one text line box; the baseline sits `baseline` below its top. */
  lineHeight: number;
  baseline: number;
  /** Height of one tier of label names above a line. */
  tierHeight: number;
  /** Horizontal padding of a tier-0 box around its tokens; each outer tier adds `tierGrow`. */
  boxPad: number;
  tierGrow: number;
  /** Space above a line whose spans are arrow ends, for the arrow curves and labels. */
  arrowLane: number;
  /** Vertical space between rows. */
  rowGap: number;
  /** Width of the space between two cells of one row. */
  cellGap: number;
}

export function pageGeometry(pdf: ConvertOptions['pdf']): PageGeometry {
  const [short, long] = PAGE_SIZES[pdf.pageSize];
  const [width, height] = pdf.orientation === 'landscape' ? [long, short] : [short, long];
  const fontSize = pdf.fontSize;
  const smallSize = Math.max(4, Math.round(fontSize * 0.62 * 10) / 10);
  const margin = 40;
  return {
    width,
    height,
    margin,
    textLeft: margin + fontSize * 3.2,
    textRight: width - margin,
    top: margin,
    bottom: height - margin - smallSize * 2,
    fontSize,
    smallSize,
    lineHeight: fontSize * 1.35,
    baseline: fontSize * 1.02,
    tierHeight: smallSize * 1.3 + 1,
    boxPad: 2,
    tierGrow: 1.5,
    arrowLane: fontSize * 1.6,
    rowGap: fontSize * 0.5,
    cellGap: fontSize * 2,
  };
}
