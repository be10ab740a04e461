import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { FONT_FACES, setFontLoader, type FontLoader } from '../../../src/core/formats/pdf/fonts.js';
import { fontFolder, nodeFontLoader } from '../../../src/node/pdf-fonts.js';
import { labeledFixture, unicodeFixture, writePdf } from './fixtures.js';
import { pageTexts } from './read-back.js';

// pdfkit's browser build (what a bundler picks for `import 'pdfkit'` outside Node: its own
// stream, fflate for compression, no file system), in place of its Node build.
const browserBuild = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('pdfkit')), 'pdfkit.browser.mjs')).href;
vi.mock('pdfkit', async () => import(/* @vite-ignore */ browserBuild));

describe('the PDF writer on pdfkit\'s browser build, fonts from a loader that serves bytes', () => {
  // Fonts as a web page would have them: bytes fetched from its assets, no file system.
  const assets = new Map(FONT_FACES.map((f) => [f.file, new Uint8Array(readFileSync(new URL(f.file, fontFolder())))]));
  const requested: string[] = [];
  const assetLoader: FontLoader = async (face) => {
    requested.push(face.file);
    return assets.get(face.file)!.buffer as ArrayBuffer;
  };
  setFontLoader(assetLoader);
  afterAll(() => setFontLoader(nodeFontLoader));

  it('writes every token, label and script, with the fonts asked for once', async () => {
    // The mock is in place: the browser build's document is its own emitter, not a Node stream.
    const { default: PDFDocument } = await import('pdfkit');
    expect('read' in PDFDocument.prototype).toBe(false);
    const { bytes } = await writePdf(labeledFixture());
    expect(new TextDecoder('latin1').decode(bytes.subarray(0, 8))).toBe('%PDF-1.3');
    const [page] = await pageTexts(bytes);
    const tokens = labeledFixture().rows.flatMap((r) => r.cells[0].tokens);
    const set = new Set(tokens);
    expect(page.items.map((i) => i.str).filter((s) => set.has(s))).toEqual(tokens);
    expect(page.items.map((i) => i.str)).toContain('Page 1 of 1');
    const unicode = (await pageTexts((await writePdf(unicodeFixture())).bytes))[0].items.map((i) => i.str).join(' ');
    for (const token of ['東京タワー', 'Ελληνικά', 'Привет', '🦄']) expect(unicode).toContain(token);
    // Each face was asked for once, whatever the number of documents.
    expect(requested.sort()).toEqual(FONT_FACES.map((f) => f.file).sort());
  });
});
