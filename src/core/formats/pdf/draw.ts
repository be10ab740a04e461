import { BOX_FILL_OPACITY } from './colors.js';
import type { ArrowItem, BoxItem, LaidOutPage, TextItem } from './items.js';
import type { TextMeasure } from './measure.js';

/**
 * Paints one laid-out page with pdfkit. Order: box fills, box strokes, swatches and rules, text,
 * arrows (with their labels last), so no stroke or glyph is covered by a fill and arrows stay on
 * top of the text they point at.
 */
export function drawPage(pdf: PDFKit.PDFDocument, page: LaidOutPage, measure: TextMeasure): void {
  pdf.addPage();
  const boxes = page.items.filter((i): i is BoxItem => i.kind === 'box');
  for (const box of boxes) {
    pdf.save().fillColor(box.color).fillOpacity(BOX_FILL_OPACITY).rect(box.x, box.y, box.w, box.h).fill().restore();
  }
  for (const box of boxes) {
    pdf.save().lineWidth(0.8).strokeColor(box.color).rect(box.x, box.y, box.w, box.h).stroke().restore();
  }
  const arrowLabels: TextItem[] = [];
  for (const item of page.items) {
    if (item.kind === 'swatch') pdf.save().fillColor(item.color).rect(item.x, item.y, item.w, item.h).fill().restore();
    else if (item.kind === 'rule') pdf.save().lineWidth(0.6).strokeColor(item.color).moveTo(item.from.x, item.from.y).lineTo(item.to.x, item.to.y).stroke().restore();
    else if (item.kind === 'text' && item.backdrop) arrowLabels.push(item);
    else if (item.kind === 'text') drawText(pdf, item, measure);
  }
  for (const item of page.items) if (item.kind === 'arrow') drawArrow(pdf, item);
  for (const item of arrowLabels) {
    pdf.save().fillColor('#ffffff').rect(item.x - 1, item.y - item.size * 0.85, item.width + 2, item.size * 1.1).fill().restore();
    drawText(pdf, item, measure);
  }
}

function drawText(pdf: PDFKit.PDFDocument, item: TextItem, measure: TextMeasure): void {
  let x = item.x;
  pdf.fillColor(item.color);
  for (const run of item.runs) {
    pdf.font(run.face).fontSize(item.size).text(run.text, x, item.y, { lineBreak: false, baseline: 'alphabetic' });
    x += measure.runUnitWidth(run) * item.size;
  }
}

const HEAD_LENGTH = 5;

function drawArrow(pdf: PDFKit.PDFDocument, a: ArrowItem): void {
  pdf.save().lineWidth(0.9).strokeColor(a.color);
  pdf.moveTo(a.from.x, a.from.y).bezierCurveTo(a.c1.x, a.c1.y, a.c2.x, a.c2.y, a.to.x, a.to.y).stroke();
  if (a.head) {
    // The head points along the curve's last tangent (from the second control point to the end).
    let dx = a.to.x - a.c2.x;
    let dy = a.to.y - a.c2.y;
    const len = Math.hypot(dx, dy) || 1;
    dx /= len;
    dy /= len;
    const back = { x: a.to.x - dx * HEAD_LENGTH, y: a.to.y - dy * HEAD_LENGTH };
    const side = { x: -dy * HEAD_LENGTH * 0.45, y: dx * HEAD_LENGTH * 0.45 };
    pdf.fillColor(a.color).polygon([a.to.x, a.to.y], [back.x + side.x, back.y + side.y], [back.x - side.x, back.y - side.y]).fill();
  }
  pdf.restore();
}

