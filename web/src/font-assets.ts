import { FONT_FACES, setFontLoader, type FontFace } from '../../src/core/index.js';

/**
 * The PDF writer's fonts as the page's own assets: the package's `fonts/*.ttf`, copied into the
 * build by Vite (hashed names), fetched from the page's origin when the worker starts, never from
 * elsewhere. Fetched at start rather than on first use, so that a page that says it is loaded has
 * everything it needs: the PDF works offline too.
 */
const urls: Record<string, string> = import.meta.glob('../../fonts/*.ttf', { query: '?url', import: 'default', eager: true });

function fontUrl(face: FontFace): string {
  const url = Object.entries(urls).find(([path]) => path.endsWith(`/${face.file}`))?.[1];
  if (!url) throw new Error(`the page was built without the PDF font ${face.file}`);
  return url;
}

async function fetchFont(face: FontFace): Promise<Uint8Array> {
  const response = await fetch(fontUrl(face));
  if (!response.ok) throw new Error(`the PDF font ${face.file} could not be loaded from the page (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Starts fetching every face and installs the loader that hands them to the PDF writer. */
export function installFontAssets(): Promise<unknown> {
  const fetched = new Map(FONT_FACES.map((face) => [face.file, fetchFont(face)]));
  // A failed fetch is reported when the PDF is written, not as an unhandled rejection at start.
  for (const bytes of fetched.values()) bytes.catch(() => undefined);
  setFontLoader((face) => fetched.get(face.file) ?? fetchFont(face));
  return Promise.all(fetched.values());
}
