import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { OutputContent } from '../../../src/core/formats/types.js';

/** Reads PDFs back with npm packages only: pdfjs-dist for text and pages, @napi-rs/canvas for pixels. */

export const RENDER_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../.render');

export async function collect(content: OutputContent): Promise<Uint8Array> {
  if (typeof content === 'string') return Buffer.from(content);
  if (content instanceof Uint8Array) return content;
  const chunks: Uint8Array[] = [];
  for await (const chunk of content) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

export async function openPdf(bytes: Uint8Array) {
  // pdfjs takes ownership of (detaches) the buffer it is given: pass a copy.
  return pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
}

export interface PageText {
  items: Array<{ str: string; x: number; y: number }>;
  width: number;
  height: number;
}

/** Text items of every page in content-stream order, with top-left based coordinates. */
export async function pageTexts(bytes: Uint8Array): Promise<PageText[]> {
  const pdf = await openPdf(bytes);
  const pages: PageText[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items = content.items.flatMap((item) =>
      'str' in item && item.str.trim() ? [{ str: item.str, x: item.transform[4], y: viewport.height - item.transform[5] }] : [],
    );
    pages.push({ items, width: viewport.width, height: viewport.height });
  }
  await pdf.destroy();
  return pages;
}

export interface RenderedPage {
  width: number;
  height: number;
  scale: number;
  data: Uint8ClampedArray;
  /** RGB at a point given in PDF points (top-left origin). */
  rgbAt(x: number, y: number): [number, number, number];
}

/** Renders one page to RGBA pixels and keeps a PNG under test/.render/ for a person to look at. */
export async function renderPage(bytes: Uint8Array, pageNumber: number, pngName: string, scale = 3): Promise<RenderedPage> {
  const pdf = await openPdf(bytes);
  const page = await pdf.getPage(pageNumber);
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvasContext: context, viewport } as unknown as Parameters<typeof page.render>[0]).promise;
  mkdirSync(RENDER_DIR, { recursive: true });
  writeFileSync(join(RENDER_DIR, pngName), canvas.toBuffer('image/png'));
  const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
  await pdf.destroy();
  const width = canvas.width;
  return {
    width,
    height: canvas.height,
    scale,
    data,
    rgbAt(x, y) {
      const i = (Math.round(y * scale) * width + Math.round(x * scale)) * 4;
      return [data[i], data[i + 1], data[i + 2]];
    },
  };
}

/** The most common colour among the pixels of a rectangle (in points), ignoring near-black text pixels. */
export function dominantColor(page: RenderedPage, x: number, y: number, w: number, h: number): [number, number, number] {
  const counts = new Map<number, number>();
  for (let py = Math.ceil(y * page.scale); py < Math.floor((y + h) * page.scale); py++) {
    for (let px = Math.ceil(x * page.scale); px < Math.floor((x + w) * page.scale); px++) {
      const i = (py * page.width + px) * 4;
      const [r, g, b] = [page.data[i], page.data[i + 1], page.data[i + 2]];
      if (r + g + b < 200) continue;
      const key = (r << 16) | (g << 8) | b;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1])[0];
  return [(best >> 16) & 255, (best >> 8) & 255, best & 255];
}

export function colorDistance(a: readonly number[], b: readonly number[]): number {
  return Math.max(...a.map((v, i) => Math.abs(v - b[i])));
}
