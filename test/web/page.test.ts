/**
 * The web page in real headless Chromium (issue 12, item 4): the built page (as `npm run build:web`
 * writes it) converts a real server export in the browser, its TSV_IOB download equals the CLI's
 * bytes for the same input, the PDF's first page is drawn, and after the page has loaded it makes
 * no network request at all (it is even taken offline before the file is chosen).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPTIONS } from '../../src/cli/options.js';
import { longFlagOf } from '../../src/cli/option-row.js';
import { cli } from '../helpers/cli.js';
import { listFiles } from '../hardening/harness.js';
import { sample } from '../helpers/samples.js';
import { browserAvailability, launchChromium } from './browser.js';
import { serveBuiltPage } from './page-server.js';

const PROJECT_1 = sample('token-json-advanced', 'Project 1.zip');
const SCREENSHOTS = path.resolve(__dirname, '../.screenshots');

const browser = browserAvailability();
if (!browser.available) {
  // Loud on purpose: a skipped browser test must not pass unnoticed.
  console.warn(`\n${'!'.repeat(100)}\n${browser.why}\n${'!'.repeat(100)}\n`);
}

describe('the browser: Chromium is there when REQUIRE_BROWSER=1', () => {
  it.runIf(browser.required)('finds Chromium (CI installs it; missing is a failure, not a skip)', () => {
    expect(browser.available, browser.why).toBe(true);
  });
});

describe.skipIf(!browser.available)('the web page in headless Chromium', () => {
  let site: Awaited<ReturnType<typeof serveBuiltPage>>;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let cliOut: string;

  beforeAll(async () => {
    [site, chromium] = await Promise.all([serveBuiltPage(), launchChromium()]);
    cliOut = mkdtempSync(path.join(os.tmpdir(), 'dx-web-cli-'));
    const run = await cli('convert', PROJECT_1, '--to', 'TSV_IOB,SPAN_AND_ARROW_VISUALIZATION', '--out', cliOut);
    expect(run.code, run.stderr).toBe(0);
  }, 300_000);

  afterAll(async () => {
    await chromium?.close();
    await site?.close();
    if (cliOut) rmSync(cliOut, { recursive: true, force: true });
  });

  it('converts Project 1.zip to TSV_IOB and PDF: the TSV_IOB download equals the CLI bytes, the PDF preview draws, no request after load', async () => {
    const { page, requests, loaded } = await openPage(chromium.context, site.url);
    expect(loaded.every((url) => url.startsWith(site.url)), `files loaded from elsewhere: ${loaded.join(', ')}`).toBe(true);
    // The recorder sees the conversion worker's own fetches (the PDF fonts), so a request made by
    // the worker after load would be caught as well as one made by the page.
    expect(loaded.filter((url) => url.endsWith('.ttf')).length).toBeGreaterThan(0);
    // From here on the page must not need the network: take it away.
    await chromium.context.setOffline(true);

    await page.setInputFiles('#file-input', PROJECT_1);
    await page.locator('#inspect-section:not([hidden])').waitFor();
    // inspect's counts: a table per project, one row per document copy (+ the total).
    await expect.poll(() => page.locator('#inspect-output table tbody tr').count()).toBeGreaterThan(1);

    await page.locator('input[name="format"][value="TSV_IOB"]').check();
    await page.locator('input[name="format"][value="SPAN_AND_ARROW_VISUALIZATION"]').check();
    await page.locator('#convert-button').click();
    await page.locator('#results-section:not([hidden])').waitFor({ timeout: 120_000 });

    const cliFiles = (await listFiles(cliOut)).map((f) => f.split(path.sep).join('/'));
    const pageFiles = await page.locator('#files-output tbody th').allTextContents();
    expect([...pageFiles].sort()).toEqual(cliFiles);
    const tsvFiles = cliFiles.filter((f) => f.endsWith('.tsv'));
    const pdfFiles = cliFiles.filter((f) => f.endsWith('.pdf'));
    expect(tsvFiles.length).toBeGreaterThan(0);
    expect(pdfFiles.length).toBeGreaterThan(0);

    // Each TSV_IOB file downloaded one by one: the very bytes the CLI wrote.
    for (const file of tsvFiles) {
      const bytes = await download(page, page.getByRole('button', { name: `Download ${file}`, exact: true }));
      expect(bytes.equals(readFileSync(path.join(cliOut, file))), `${file} differs from the CLI's`).toBe(true);
    }

    // The text preview shows the first lines of the first text output.
    await expect.poll(() => page.locator('#preview-section').getAttribute('data-shown')).toBe(tsvFiles[0]);
    const firstLines = readFileSync(path.join(cliOut, tsvFiles[0]), 'utf8').split('\n').slice(0, 5).join('\n');
    expect(await page.locator('#preview-text').textContent()).toContain(firstLines);

    // The PDF's first page drawn by pdf.js into the canvas: something other than blank paper.
    await page.getByRole('button', { name: `Preview ${pdfFiles[0]}`, exact: true }).click();
    await expect.poll(() => page.locator('#preview-section').getAttribute('data-shown'), { timeout: 60_000 }).toBe(pdfFiles[0]);
    expect(await page.locator('#preview-caption').textContent()).toMatch(/page 1 of \d+/);
    const inked = await page.locator('#preview-pdf').evaluate((canvas: CanvasLike) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && data[i] + data[i + 1] + data[i + 2] < 384) dark++;
      return { dark, size: canvas.width * canvas.height };
    });
    expect(inked.size).toBeGreaterThan(100_000);
    expect(inked.dark).toBeGreaterThan(500);

    // Every output as one ZIP: the CLI's paths, the TSV_IOB bytes equal, PDFs that are PDFs.
    const zip = unzipSync(await download(page, page.locator('#download-all')));
    expect(Object.keys(zip).sort()).toEqual(cliFiles);
    for (const file of tsvFiles) expect(Buffer.from(zip[file]).equals(readFileSync(path.join(cliOut, file))), file).toBe(true);
    for (const file of pdfFiles) expect(Buffer.from(zip[file].subarray(0, 5)).toString('latin1')).toBe('%PDF-');

    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'web-page-project-1.png'), fullPage: true });

    // Local object URLs (blob:, data:) never leave the browser; anything else after load is a request.
    const network = requests.filter((r) => !/^(blob|data):/.test(r.url()));
    expect(network.map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
    await chromium.context.setOffline(false);
    await page.close();
  }, 300_000);

  it('offers the main options with the texts, choices and defaults of the CLI\'s options table', async () => {
    const { page } = await openPage(chromium.context, site.url);
    await page.setInputFiles('#file-input', PROJECT_1);
    await page.locator('#convert-section:not([hidden])').waitFor();
    const row = (flag: string) => OPTIONS.find((r) => longFlagOf(r) === flag)!;
    for (const [id, flag] of [['cabinet', '--cabinet'], ['scheme', '--scheme'], ['overlap', '--overlap'], ['label-set', '--label-set']] as const) {
      const label = (await page.locator(`label[for="${id}"]`).textContent())!.toLowerCase();
      expect(label).toContain(flag);
      expect(label).toContain(row(flag).description.toLowerCase());
    }
    for (const [id, flag] of [['scheme', '--scheme'], ['overlap', '--overlap']] as const) {
      expect(await page.locator(`#${id} option`).evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value))).toEqual([...row(flag).choices!]);
      expect(await page.locator(`#${id}`).inputValue()).toBe(row(flag).default);
    }
    expect(await page.locator('#cabinet').inputValue()).toBe(row('--cabinet').default);
    await page.close();
  }, 120_000);

  it('converts a folder with the main options (cabinet, scheme, overlap, label set) as the CLI does with the same flags', async () => {
    const folder = path.resolve(__dirname, '../../fixtures/token-project');
    const flags = ['--cabinet', 'all', '--scheme', 'BILOU', '--overlap', 'columns', '--label-set', '1'];
    const expected = await cliConvert(folder, ['TSV_IOB', 'CONLL_2003', 'TSV_NON_IOB'], flags);
    const { page, requests } = await openPage(chromium.context, site.url);

    await page.setInputFiles('#folder-input', folder);
    await page.locator('#convert-section:not([hidden])').waitFor();
    await page.selectOption('#cabinet', 'all');
    await page.selectOption('#scheme', 'BILOU');
    await page.selectOption('#overlap', 'columns');
    await page.selectOption('#label-set', '1');
    for (const format of ['TSV_IOB', 'CONLL_2003', 'TSV_NON_IOB']) await page.locator(`input[name="format"][value="${format}"]`).check();
    const outputs = await convertAndZip(page);
    expect(Object.keys(outputs).sort()).toEqual(Object.keys(expected).sort());
    for (const [file, bytes] of Object.entries(expected)) expect(Buffer.from(outputs[file]).equals(bytes), `${file} differs from the CLI's`).toBe(true);
    expect(requests.filter((r) => !/^(blob|data):/.test(r.url())).map((r) => r.url())).toEqual([]);
    await page.close();
  }, 300_000);

  it('converts one TSV document (a dataset with IOB tags) as the CLI does', async () => {
    const document = sample('datasets', 'ncbi-disease-iob.tsv');
    const expected = await cliConvert(document, ['TSV_IOB', 'CSV'], ['--scheme', 'IOBES']);
    const { page } = await openPage(chromium.context, site.url);
    await page.setInputFiles('#file-input', document);
    await page.locator('#convert-section:not([hidden])').waitFor();
    await page.selectOption('#scheme', 'IOBES');
    for (const format of ['TSV_IOB', 'CSV']) await page.locator(`input[name="format"][value="${format}"]`).check();
    const outputs = await convertAndZip(page);
    expect(Object.keys(outputs).sort()).toEqual(Object.keys(expected).sort());
    for (const [file, bytes] of Object.entries(expected)) expect(Buffer.from(outputs[file]).equals(bytes), `${file} differs from the CLI's`).toBe(true);
    await page.close();
  }, 300_000);

  it('says what is wrong with a dropped file as the CLI does (a broken ZIP stops, a document that is not an export is reported) and keeps working', async () => {
    const { page } = await openPage(chromium.context, site.url);
    await page.evaluate(dropScript('broken.zip', 'PK\u0003\u0004garbage'));
    await expect.poll(() => page.locator('#input-state').textContent()).toMatch(/^Cannot read broken\.zip/);
    expect(await page.locator('#input-state').textContent()).toContain('[BAD_ZIP]');
    expect(await page.locator('#inspect-section').isHidden()).toBe(true);

    await page.evaluate(dropScript('not-an-export.json', '{"this": "is not an export"}'));
    await page.locator('#inspect-section:not([hidden])').waitFor();
    const problems = await page.locator('#inspect-output .report tbody tr').allTextContents();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/error\s*DocumentSkipped.*not a Datasaur export document/);

    await page.setInputFiles('#file-input', PROJECT_1);
    await expect.poll(() => page.locator('#input-state').textContent()).toMatch(/^Read Project 1\.zip/);
    await page.close();
  }, 120_000);
});

/** A script that drops one file on the page's drop zone (a synthetic drop event: the handler a real drop runs). */
function dropScript(name: string, content: string): string {
  return `(() => {
    const data = new DataTransfer();
    data.items.add(new File([${JSON.stringify(content)}], ${JSON.stringify(name)}));
    document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  })()`;
}

/** The canvas as far as the pixel count reads it (the test's types have no DOM). */
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
}

/**
 * Opens the page and waits until it says it needs no network any more (the worker, the PDF fonts
 * and pdf.js are all in). Returns the URLs fetched until then and a live list of every request made afterwards,
 * by the page and by its workers.
 */
async function openPage(context: BrowserContext, url: string): Promise<{ page: Page; requests: Request[]; loaded: string[] }> {
  const page = await context.newPage();
  const loaded: string[] = [];
  const requests: Request[] = [];
  let ready = false;
  const record = (request: Request) => (ready ? requests.push(request) : loaded.push(request.url()));
  context.on('request', record);
  page.on('close', () => context.off('request', record));
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.locator('html[data-offline="true"]').waitFor({ timeout: 120_000 }).catch(async (error: unknown) => {
    throw new Error(`the page did not load: ${await page.locator('#load-state').textContent()} ${errors.join('; ')} (${String(error)})`);
  });
  ready = true;
  return { page, requests, loaded };
}

/** Clicks what starts a download and returns the downloaded bytes. */
async function download(page: Page, trigger: { click(): Promise<void> }): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  return readFileSync(await file.path());
}

/** The CLI's outputs for an input, formats and flags: path under --out → bytes. */
async function cliConvert(input: string, formats: string[], flags: string[]): Promise<Record<string, Buffer>> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'dx-web-cli-'));
  try {
    const run = await cli('convert', input, '--to', formats.join(','), '--out', out, ...flags);
    expect(run.code, run.stderr).toBe(0);
    const files = await listFiles(out);
    return Object.fromEntries(files.map((f) => [f.split(path.sep).join('/'), readFileSync(path.join(out, f))]));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Converts with the page's current choices and downloads every output as one ZIP: path → bytes. */
async function convertAndZip(page: Page): Promise<Record<string, Uint8Array>> {
  await page.locator('#convert-button').click();
  await page.locator('#results-section:not([hidden])').waitFor({ timeout: 120_000 });
  return unzipSync(await download(page, page.locator('#download-all')));
}
