import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/**
 * The first page of a PDF output drawn into a canvas by pdf.js (the kept PDF renderer of the web).
 * Its worker is started when this module loads (the page loads it at start), so a preview needs
 * no request. The PDFs embed their fonts: pdf.js is given no URL for standard fonts or CMaps.
 */
GlobalWorkerOptions.workerPort = new Worker(pdfWorkerUrl, { type: 'module' });

export async function renderFirstPage(bytes: Uint8Array, canvas: HTMLCanvasElement, cssWidth: number): Promise<{ pages: number }> {
  const pdf = await getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: false }).promise;
  try {
    const page = await pdf.getPage(1);
    const unscaled = page.getViewport({ scale: 1 });
    const ratio = globalThis.devicePixelRatio || 1;
    const viewport = page.getViewport({ scale: (cssWidth / unscaled.width) * ratio });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
    canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
    await page.render({ canvasContext: canvas.getContext('2d')!, viewport }).promise;
    return { pages: pdf.numPages };
  } finally {
    await pdf.destroy();
  }
}
