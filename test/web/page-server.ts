import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, preview } from 'vite';

const CONFIG = path.resolve(__dirname, '../../web/vite.config.ts');

/**
 * Builds the page as `npm run build:web` does (into a temporary folder, so web/dist/ is left
 * alone) and serves that static folder on 127.0.0.1 with Vite's preview server.
 */
export async function serveBuiltPage(): Promise<{ url: string; close(): Promise<void> }> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'dx-web-'));
  await build({ configFile: CONFIG, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const server = await preview({ configFile: CONFIG, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server has no local URL');
  return {
    url,
    close: async () => {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
