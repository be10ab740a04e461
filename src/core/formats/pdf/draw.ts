import { BOX_FILL_OPACITY } from './colors.js';
import { EmbeddedFont, type PdfObjects, type PdfRef } from './embedded-font.js';
import type { LoadedFace } from './font-face.js';
import type { ArrowItem, BoxItem, LaidOutPage, TextItem } from './items.js';
import type { MeasuredRun } from './measure.js';
import { PageContent, pdfColor, pdfNumber } from './pdf-content.js';

/** The pdfkit document calls the painter makes: pages, objects, and raw page content. */
export interface PdfDocumentLike extends PdfObjects {
  addPage(): unknown;
  addContent(content: string | Uint8Array): unknown;
  page: { height: number; fonts: Record<string, PdfRef>; ext_gstates: Record<string, PdfRef> };
}

const HEAD_LENGTH = 5;
const FILL_STATE = 'GsBox';

/**
 * Paints laid-out pages into one PDF document. pdfkit holds the document (objects, pages,
 * compression, cross-reference table); the page content is written here in one piece per page,
 * with text encoded from the glyphs the layout shaped and fonts embedded as subsets of the glyphs
 * used (embedded-font.ts): pdfkit's `text()` measures and shapes every string again and costs more
 * than a whole page's budget (bench/README.md).
 *
 * Order on a page: box fills, box strokes, swatches and rules, text, arrows (with their labels
 * last, on a white backdrop), so no stroke or glyph is covered by a fill and arrows stay on top of
 * the text they point at.
 */
export class PdfPainter {
  private readonly fonts = new Map<string, EmbeddedFont>();
  /** The show operation of each run drawn so far (CIDs are this document's). */
  private readonly shown = new Map<MeasuredRun, string>();
  private readonly faces: Map<string, LoadedFace>;
  private fillState: PdfRef | undefined;

  constructor(
    private readonly pdf: PdfDocumentLike,
    faces: readonly LoadedFace[],
  ) {
    this.faces = new Map(faces.map((f) => [f.face.name, f]));
  }

  paint(page: LaidOutPage): void {
    this.pdf.addPage();
    const height = this.pdf.page.height;
    const c = new PageContent();
    const boxes = page.items.filter((i): i is BoxItem => i.kind === 'box');
    if (boxes.length) {
      this.pdf.page.ext_gstates[FILL_STATE] = this.boxFillState();
      c.op(`q /${FILL_STATE} gs`);
      for (const b of boxes) c.op(`${pdfColor(b.color)} rg`).nums([b.x, b.y, b.w, b.h], 're f');
      c.op('Q').op('0.8 w');
      for (const b of boxes) c.op(`${pdfColor(b.color)} RG`).nums([b.x, b.y, b.w, b.h], 're S');
    }
    const texts: TextItem[] = [];
    const arrowLabels: TextItem[] = [];
    c.op('0.6 w');
    for (const item of page.items) {
      if (item.kind === 'swatch') c.op(`${pdfColor(item.color)} rg`).nums([item.x, item.y, item.w, item.h], 're f');
      else if (item.kind === 'rule') c.op(`${pdfColor(item.color)} RG`).nums([item.from.x, item.from.y], 'm').nums([item.to.x, item.to.y], 'l S');
      else if (item.kind === 'text') (item.backdrop ? arrowLabels : texts).push(item);
    }
    this.text(c, texts, height);
    c.op('0.9 w');
    for (const item of page.items) if (item.kind === 'arrow') arrow(c, item);
    for (const item of arrowLabels) {
      c.op('1 1 1 rg').nums([item.x - 1, item.y - item.size * 0.85, item.width + 2, item.size * 1.1], 're f');
      this.text(c, [item], height);
    }
    this.pdf.addContent(c.toBytes());
  }

  /** Ends the fonts' objects; call once after the last page, before pdfkit's `end()`. */
  finish(): void {
    for (const font of this.fonts.values()) font.finish();
  }

  private boxFillState(): PdfRef {
    if (!this.fillState) {
      this.fillState = this.pdf.ref({ Type: 'ExtGState', ca: BOX_FILL_OPACITY });
      this.fillState.end();
    }
    return this.fillState;
  }

  private font(face: string): EmbeddedFont {
    let font = this.fonts.get(face);
    if (!font) {
      const loaded = this.faces.get(face);
      if (!loaded) throw new Error(`unknown font face ${face}`);
      font = new EmbeddedFont(this.pdf, loaded, `F${this.fonts.size + 1}`);
      this.fonts.set(face, font);
    }
    this.pdf.page.fonts[font.id] = font.ref;
    return font;
  }

  /**
   * Text in PDF text space: the page's y-down transform flipped back, baseline at `item.y`. Each
   * item is its own saved state and text object, as pdfkit writes text: PDF readers then keep each
   * token a separate piece of text instead of joining a line into one string.
   */
  private text(c: PageContent, items: readonly TextItem[], height: number): void {
    const flip = `q 1 0 0 -1 0 ${pdfNumber(height)} cm`;
    for (const item of items) {
      c.op(flip).op(`${pdfColor(item.color)} rg`);
      let x = item.x;
      for (const run of item.runs) {
        this.run(c, run, x, height - item.y, item.size);
        x += run.unitWidth * item.size;
      }
      c.op('Q');
    }
  }

  /**
   * One font run as a text object: glyph codes in `TJ` arrays, with the advance adjustments
   * shaping made (kerning) as numbers and offset glyphs (marks) placed with their own matrix, the
   * way pdfkit writes text.
   */
  private run(c: PageContent, run: MeasuredRun, x: number, y: number, size: number): void {
    const font = this.font(run.face);
    const glyphs = run.glyphs;
    if (glyphs.length === 0) return;
    c.op('BT').nums([1, 0, 0, 1, x, y], 'Tm').op(`/${font.id} ${pdfNumber(size)} Tf`);
    // A run without offset glyphs writes the same show operation wherever it stands (adjustments
    // are in thousandths of the font size): tokens repeat, so it is kept for the document.
    const shown = this.shown.get(run);
    if (shown !== undefined) {
      c.op(shown).op('ET');
      return;
    }
    const hex = glyphs.map((g) => font.hex(g));
    if (!glyphs.some((g) => g.xOffset || g.yOffset)) {
      const ops: string[] = [];
      let from = 0;
      for (let i = 0; i < glyphs.length; i++) {
        const g = glyphs[i];
        if (g.xAdvance !== g.advance || i === glyphs.length - 1) {
          ops.push(`<${hex.slice(from, i + 1).join('')}> ${pdfNumber(-(g.xAdvance - g.advance))}`);
          from = i + 1;
        }
      }
      const op = `[${ops.join(' ')}] TJ`;
      if (this.shown.size < 100_000) this.shown.set(run, op);
      c.op(op).op('ET');
      return;
    }
    const scale = size / 1000;
    let commands: string[] = [];
    let last = 0;
    const segment = (end: number) => {
      if (last < end) {
        const g = glyphs[end - 1];
        commands.push(`<${hex.slice(last, end).join('')}> ${pdfNumber(-(g.xAdvance - g.advance))}`);
      }
      last = end;
    };
    const flush = (end: number) => {
      segment(end);
      if (commands.length) c.op(`[${commands.join(' ')}] TJ`);
      commands = [];
    };
    let offset = false;
    let at = x;
    for (let i = 0; i < glyphs.length; i++) {
      const g = glyphs[i];
      if (g.xOffset || g.yOffset) {
        flush(i);
        c.nums([1, 0, 0, 1, at + g.xOffset * scale, y + g.yOffset * scale], 'Tm');
        flush(i + 1);
        offset = true;
      } else {
        if (offset) {
          c.nums([1, 0, 0, 1, at, y], 'Tm');
          offset = false;
        }
        if (g.xAdvance !== g.advance) segment(i + 1);
      }
      at += g.xAdvance * scale;
    }
    flush(glyphs.length);
    c.op('ET');
  }
}

function arrow(c: PageContent, a: ArrowItem): void {
  const color = pdfColor(a.color);
  c.op(`${color} RG`).nums([a.from.x, a.from.y], 'm').nums([a.c1.x, a.c1.y, a.c2.x, a.c2.y, a.to.x, a.to.y], 'c S');
  if (!a.head) return;
  // The head points along the curve's last tangent (from the second control point to the end).
  let dx = a.to.x - a.c2.x;
  let dy = a.to.y - a.c2.y;
  const len = Math.hypot(dx, dy) || 1;
  dx /= len;
  dy /= len;
  const back = { x: a.to.x - dx * HEAD_LENGTH, y: a.to.y - dy * HEAD_LENGTH };
  const side = { x: -dy * HEAD_LENGTH * 0.45, y: dx * HEAD_LENGTH * 0.45 };
  c.op(`${color} rg`)
    .nums([a.to.x, a.to.y], 'm')
    .nums([back.x + side.x, back.y + side.y], 'l')
    .nums([back.x - side.x, back.y - side.y], 'l h f');
}
