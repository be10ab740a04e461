/**
 * The conversion worker: the converter core runs here, off the page's thread, so the page stays
 * responsive on big exports. It reads what was dropped (Files are handed over by reference, read
 * slice by slice), counts it (`inspectExport`), converts it (`convertExport`) and zips the outputs.
 * Nothing here talks to a network: the only fetches are the page's own font files, right after start.
 */
import {
  contentBytes,
  convertExport,
  inspectExport,
  isInputError,
  MAIN_OPTIONS,
  registeredFormats,
  type ConvertOptions,
  type ExportInput,
  type ExportInputOptions,
} from '../../src/core/index.js';
import { installFontAssets } from './font-assets.js';
import type { DroppedInput, FromWorker, PageSettings, ProblemInfo, ToWorker } from './protocol.js';
import { zipFiles } from './zip-files.js';

/** The worker's global scope, as far as this file uses it (the DOM types describe the page's). */
const scope = self as unknown as {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
};
const post = (message: FromWorker) => scope.postMessage(message);

const fontsLoaded = installFontAssets();

scope.addEventListener('message', (event) => {
  const message = event.data;
  const work = message.type === 'inspect' ? inspect(message.id, message.input) : message.type === 'convert' ? convert(message.id, message.input, message.settings) : zip(message.id, message.files);
  work.catch((error: unknown) => post({ type: 'failed', id: message.id, error: problemOf(error) }));
});

// Usable at once; the PDF fonts (7 MB) keep coming in the background, and the page is told when
// they are in (from then on it needs no network). A PDF asked for before that waits for them.
post({
  type: 'ready',
  // CUSTOM runs an export transformer file in Node's sandbox (worker thread + node:vm): not offered here.
  formats: registeredFormats().filter((w) => w.name !== 'CUSTOM').map((w) => ({ name: w.name, kinds: w.kinds, extension: w.extension, description: w.description })),
  // The CLI's own table of the main options: the page's fields say what its flags say.
  options: MAIN_OPTIONS,
});
void fontsLoaded.then(
  () => post({ type: 'fonts' }),
  (error: unknown) => post({ type: 'fonts', error: problemOf(error) }),
);

/** What the core reads: the dropped File itself, or a folder's files with their paths inside it. */
function exportInput(input: DroppedInput): { input: ExportInput; options: ExportInputOptions } {
  if (input.kind === 'file') return { input: input.file, options: { name: input.file.name } };
  return { input: input.files.map((f) => ({ path: f.path, content: f.file })), options: { name: input.name } };
}

async function inspect(id: number, dropped: DroppedInput): Promise<void> {
  const { input, options } = exportInput(dropped);
  const result = await inspectExport(input, options);
  post({ type: 'inspected', id, input: result.input, inputType: result.type, projects: result.projects, problems: result.report.all() });
}

async function convert(id: number, dropped: DroppedInput, settings: PageSettings): Promise<void> {
  const { input, options } = exportInput(dropped);
  const formatOptions: Partial<ConvertOptions> = {
    scheme: settings.scheme as ConvertOptions['scheme'],
    overlap: settings.overlap as ConvertOptions['overlap'],
    ...(settings.labelSet === undefined ? {} : { labelSet: settings.labelSet }),
  };
  const run = convertExport(input, {
    ...options,
    to: settings.to,
    cabinet: settings.cabinet,
    options: formatOptions,
    onDocument: (done, total, ref) => post({ type: 'progress', id, done, total, document: ref.documentName }),
  });
  for await (const file of run) {
    // A Blob holds the bytes outside this worker's heap; the page gets it by reference.
    const blob = new Blob([(await contentBytes(file.content)) as BlobPart]);
    post({ type: 'file', id, path: file.path, format: file.format, blob });
  }
  post({ type: 'converted', id, problems: run.report.all(), exitCode: run.exitCode, ...run.documents });
}

async function zip(id: number, files: Array<{ path: string; blob: Blob }>): Promise<void> {
  post({ type: 'zipped', id, blob: await zipFiles(files) });
}

function problemOf(error: unknown): ProblemInfo {
  if (isInputError(error)) return { message: error.toUserMessage(), code: error.code };
  return { message: error instanceof Error ? error.message : String(error) };
}
