import type { OutputBlob } from './converter-client.js';

/** Lines of a text output shown, read from its first bytes only (an output may be large). */
const PREVIEW_LINES = 40;
const PREVIEW_BYTES = 64 * 1024;

let pdfPreview: Promise<typeof import('./pdf-preview.js')> | undefined;

/** pdf.js is loaded apart from the page's first paint, but at start, so previews need no request later. */
export function preloadPdfPreview(): Promise<typeof import('./pdf-preview.js')> {
  pdfPreview ??= import('./pdf-preview.js');
  return pdfPreview;
}

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

export async function showPreview(file: OutputBlob): Promise<void> {
  const section = $('preview-section');
  const caption = $('preview-caption');
  const text = $<HTMLPreElement>('preview-text');
  const canvas = $<HTMLCanvasElement>('preview-pdf');
  section.hidden = false;
  text.hidden = true;
  canvas.hidden = true;
  delete section.dataset.shown;
  if (/\.pdf$/i.test(file.path)) {
    caption.textContent = `${file.path}: drawing the first page…`;
    const { renderFirstPage } = await preloadPdfPreview();
    const { pages } = await renderFirstPage(new Uint8Array(await file.blob.arrayBuffer()), canvas, Math.min(820, section.clientWidth || 820));
    canvas.setAttribute('aria-label', `First page of ${file.path}`);
    canvas.hidden = false;
    caption.textContent = `${file.path}: page 1 of ${pages}`;
  } else if (/\.xlsx$/i.test(file.path)) {
    caption.textContent = `${file.path}: a workbook has no text preview; download it to open it.`;
  } else {
    const head = new TextDecoder().decode(await file.blob.slice(0, PREVIEW_BYTES).arrayBuffer());
    const lines = head.split('\n');
    const complete = file.blob.size <= PREVIEW_BYTES;
    // A last line cut by the byte limit is left out rather than shown half.
    const shown = lines.slice(0, Math.min(PREVIEW_LINES, complete ? lines.length : lines.length - 1));
    text.textContent = shown.join('\n');
    text.hidden = false;
    caption.textContent = `${file.path}: the first ${shown.length} line(s)`;
  }
  section.dataset.shown = file.path;
}
