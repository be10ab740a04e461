import { PdfPainter, type PdfDocumentLike } from './draw.js';
import type { FontSet } from './fonts.js';
import { layoutPages, type LayoutInput, type LayoutSettings } from './layout.js';

/**
 * The fixed creation and modification date of every PDF. pdfkit derives the file ID from the
 * document info, so a fixed date gives the same bytes for the same input (golden tests).
 */
export const FIXED_PDF_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

export interface RenderSettings extends Omit<LayoutSettings, 'measure'> {
  fonts: FontSet;
  title: string;
}

/**
 * Renders documents to PDF bytes, yielded page by page: each page is painted and its bytes
 * handed out before the next is laid out (layout.ts says when a document is laid out twice). pdfkit writes a page's
 * content when the next page starts; the fonts (subsets of the glyphs used) are written at the end.
 *
 * The bytes are collected from pdfkit's `data` events, which its Node build (a Node stream) and
 * its browser build (its own small emitter) both have, and handed out as one chunk per page.
 */
export async function* renderPdf(inputs: readonly LayoutInput[], settings: RenderSettings): AsyncGenerator<Uint8Array> {
  const { default: PDFDocument } = await import('pdfkit');
  const { fonts, geo } = settings;
  const layoutSettings = Object.assign({}, settings, { measure: fonts.measure });
  const pdf = new PDFDocument({
    autoFirstPage: false,
    size: [geo.width, geo.height],
    margin: 0,
    compress: true,
    // pdfkit's default font is never drawn with (draw.ts embeds its own); naming one of ours
    // spares it loading Helvetica's metrics, which its browser build does not even have.
    font: fonts.faces[0].font as never,
    info: { Title: settings.title, Producer: 'datasaur-export', Creator: 'datasaur-export SPAN_AND_ARROW_VISUALIZATION', CreationDate: FIXED_PDF_DATE, ModDate: FIXED_PDF_DATE },
  });
  const painter = new PdfPainter(pdf as unknown as PdfDocumentLike, fonts.faces);

  const output = pdfOutput(pdf);
  for (const page of layoutPages(inputs, layoutSettings)) {
    painter.paint(page);
    const bytes = await output.take();
    if (bytes) yield bytes;
  }
  painter.finish();
  pdf.end();
  const rest = await output.finish();
  if (rest) yield rest;
}

/**
 * The bytes pdfkit has written so far, as one chunk. Its Node build is a Node stream: its
 * buffer is read synchronously (`read()`), so a page's bytes leave before the next page is laid
 * out, without waiting for a tick that a loop of promises never gives. Its browser build is a
 * small emitter without `read()` that delivers `data` in a microtask: collected from events.
 */
function pdfOutput(pdf: PDFKit.PDFDocument): { take(): Promise<Uint8Array | undefined>; finish(): Promise<Uint8Array | undefined> } {
  const stream = pdf as unknown as { read?: () => Uint8Array | null; on(event: string, listener: (arg: never) => void): void };
  const pending: Uint8Array[] = [];
  const take = () => (pending.length ? concat(pending.splice(0)) : undefined);
  if (typeof stream.read === 'function') {
    const read = stream.read.bind(stream);
    const drain = () => {
      let chunk: Uint8Array | null;
      while ((chunk = read()) !== null) pending.push(chunk);
      return take();
    };
    // pdfkit pushes its last bytes and the end of the stream synchronously in end().
    return { take: async () => drain(), finish: async () => drain() };
  }
  let failed: unknown;
  const ended = new Promise<void>((resolve) => {
    stream.on('end', resolve);
    stream.on('error', (error: unknown) => {
      failed = error;
      resolve();
    });
  });
  stream.on('data', (chunk: Uint8Array) => pending.push(chunk));
  return {
    take: async () => {
      await Promise.resolve();
      return take();
    },
    finish: async () => {
      await ended;
      if (failed) throw failed;
      return take();
    },
  };
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  let length = 0;
  for (const c of chunks) length += c.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
