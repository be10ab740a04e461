import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * The web page (`npm run web` serves it, `npm run build:web` writes web/dist/): the converter
 * core bundled for the browser, its conversion in a worker, every asset (scripts, the PDF fonts,
 * pdf.js) served from the page's own folder. Nothing is fetched from elsewhere.
 */
const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const fontsFolder = new URL('../fonts/', import.meta.url);

/**
 * The built page's Content-Security-Policy: its own files only, no form posts, no other origin
 * reachable even by mistake. Build only: the dev server injects styles and a WebSocket that it
 * would forbid.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self' blob: data:",
  "connect-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'datasaur-export:csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
  };
}

/** The fonts' licenses travel with the fonts (the page's footer links to them). */
function fontLicenses(): Plugin {
  return {
    name: 'datasaur-export:font-licenses',
    apply: 'build',
    generateBundle() {
      for (const file of readdirSync(fontsFolder).filter((f) => /^(LICENSE-.*\.txt|README\.md)$/.test(f))) {
        this.emitFile({ type: 'asset', fileName: `fonts/${file}`, source: readFileSync(new URL(file, fontsFolder)) });
      }
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative URLs: the folder works wherever it is served from.
  base: './',
  publicDir: false,
  plugins: [contentSecurityPolicy(), fontLicenses()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The conversion worker holds the whole converter (PDF and XLSX writers included) on purpose.
    chunkSizeWarningLimit: 4096,
  },
  // An IIFE worker is one file: the writers the core loads lazily are inside it, so a loaded page
  // has every format without another request.
  worker: { format: 'iife' },
  server: { fs: { allow: [projectRoot] } },
  // The dev server pre-bundles the dependencies found from these entries before the first page
  // load; without the worker among them, its lazily loaded writers (pdfkit, exceljs, …) are found
  // one by one and each makes the dev page reload.
  optimizeDeps: { entries: ['index.html', 'src/worker.ts', '../src/core/formats/**/*.ts'] },
});
