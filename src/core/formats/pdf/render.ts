import type { Readable } from 'node:stream';
import { drawPage } from './draw.js';
import type { LoadedFace } from './fonts.js';
import { layoutPages, planLayout, type LayoutInput, type LayoutSettings } from './layout.js';

/**
 * The fixed creation and modification date of every PDF. pdfkit derives the file ID from the
 * document info, so a fixed date gives the same bytes for the same input (golden tests).
 */
export const FIXED_PDF_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

export interface RenderSettings extends Omit<LayoutSettings, 'anchors' | 'totalPages'> {
  faces: readonly LoadedFace[];
  title: string;
}

/**
 * Renders documents to PDF bytes, yielded page by page: a first layout pass finds where every
 * span lands and how many pages there are (for arrows across pages and "Page n of m"), the second
 * paints each page and hands out its bytes before laying out the next. pdfkit writes a page's
 * content when the next page starts and the fonts (as subsets of the glyphs used) at the end.
 */
export async function* renderPdf(inputs: readonly LayoutInput[], settings: RenderSettings): AsyncGenerator<Uint8Array> {
  // Loaded on first use: pdfkit is memory that every other format would carry.
  const { default: PDFDocument } = await import('pdfkit');
  const plan = planLayout(inputs, settings);
  const { geo } = settings;
  const pdf = new PDFDocument({
    autoFirstPage: false,
    size: [geo.width, geo.height],
    margin: 0,
    compress: true,
    info: { Title: settings.title, Producer: 'datasaur-export', Creator: 'datasaur-export SPAN_AND_ARROW_VISUALIZATION', CreationDate: FIXED_PDF_DATE, ModDate: FIXED_PDF_DATE },
  });
  for (const { face, bytes } of settings.faces) pdf.registerFont(face.name, bytes);
  const stream = pdf as unknown as Readable;
  const drain = function* (): Generator<Uint8Array> {
    let chunk: Buffer | null;
    while ((chunk = stream.read() as Buffer | null) !== null) yield chunk;
  };
  for (const page of layoutPages(inputs, { ...settings, anchors: plan.anchors, totalPages: plan.pageCount })) {
    drawPage(pdf, page, settings.measure);
    yield* drain();
  }
  pdf.end();
  yield* drain();
}
