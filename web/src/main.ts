/**
 * The page: what was dropped goes to the conversion worker (which runs the converter core), and
 * what comes back is shown: counts, report, files, previews, downloads. No conversion logic here.
 */
import type { FormatName, MainOption } from '../../src/core/index.js';
import { ConverterClient, WorkerProblem, type Converted } from './converter-client.js';
import { describeInput, fromDataTransfer, fromFileList } from './dropped-input.js';
import { preloadPdfPreview, showPreview } from './preview.js';
import type { DroppedInput, FormatInfo, InspectedProject, MainOptions, PageSettings } from './protocol.js';
import { el, filesView, inspectView, reportView } from './views.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

const converter = new ConverterClient();
let formats: FormatInfo[] = [];
let options: MainOptions | undefined;
let input: DroppedInput | undefined;
let projects: InspectedProject[] = [];
let result: Converted | undefined;

converter.ready.then(
  (ready) => {
    formats = ready.formats;
    options = ready.options;
    describeOptions(options);
    fillSelect($<HTMLSelectElement>('scheme'), options.scheme.choices.map((s) => [s, s]), options.scheme.default);
    fillSelect($<HTMLSelectElement>('overlap'), options.overlap.choices.map((s) => [s, s]), options.overlap.default);
    document.documentElement.dataset.ready = 'true';
    if (document.documentElement.dataset.offline !== 'true') $('load-state').textContent = 'Loaded. Fetching the PDF fonts and the PDF preview in the background, so that the page also works offline…';
  },
  (error: unknown) => {
    $('load-state').textContent = `The converter could not be loaded: ${messageOf(error)}`;
  },
);
// Everything the page may need, fetched now (not when first used), so that it keeps working offline.
Promise.all([converter.ready, converter.fonts, preloadPdfPreview()]).then(
  () => {
    $('load-state').textContent = 'Loaded. From here on the page needs no network: you can go offline.';
    document.documentElement.dataset.offline = 'true';
  },
  (error: unknown) => {
    if (document.documentElement.dataset.ready === 'true') $('load-state').textContent = `Loaded, but PDF output or its preview is unavailable: ${messageOf(error)}`;
  },
);

/** Each option's label: its name, the CLI flag that does the same, and the CLI's help text. */
function describeOptions(table: MainOptions): void {
  for (const label of document.querySelectorAll<HTMLLabelElement>('label[data-option]')) {
    const option: MainOption = table[label.dataset.option as keyof MainOptions];
    const help = option.description.charAt(0).toUpperCase() + option.description.slice(1);
    label.replaceChildren(label.textContent ?? '', ' ', el('code', {}, option.flag), el('small', {}, help + (option.defaultText ? ` (default: ${option.defaultText})` : '')));
  }
}

function fillSelect(select: HTMLSelectElement, options: ReadonlyArray<readonly [value: string, text: string]>, selected?: string): void {
  select.replaceChildren(...options.map(([value, text]) => el('option', value === selected ? { value, selected: '' } : { value }, text)));
}

function messageOf(error: unknown): string {
  return error instanceof WorkerProblem || error instanceof Error ? error.message : String(error);
}

// ── input ───────────────────────────────────────────────────────────────────────────────────
const dropZone = $('drop-zone');
dropZone.addEventListener('dragover', (event) => {
  event.preventDefault();
  dropZone.classList.add('over');
});
dropZone.addEventListener('dragleave', () => dropZone.classList.remove('over'));
dropZone.addEventListener('drop', (event) => {
  event.preventDefault();
  dropZone.classList.remove('over');
  if (event.dataTransfer) void fromDataTransfer(event.dataTransfer).then(take);
});
// A file dropped beside the zone must not make the browser open it (and leave the page).
window.addEventListener('dragover', (event) => event.preventDefault());
window.addEventListener('drop', (event) => event.preventDefault());
for (const id of ['file-input', 'folder-input']) {
  const picker = $<HTMLInputElement>(id);
  picker.addEventListener('change', () => {
    take(fromFileList(picker.files));
    picker.value = '';
  });
}

async function take(dropped: DroppedInput | undefined): Promise<void> {
  if (!dropped) return;
  input = dropped;
  result = undefined;
  $('results-section').hidden = true;
  $('inspect-section').hidden = true;
  $('convert-section').hidden = true;
  $('input-state').textContent = `Reading ${describeInput(dropped)}…`;
  try {
    const inspected = await converter.inspect(dropped);
    if (input !== dropped) return;
    projects = inspected.projects;
    $('inspect-output').replaceChildren(inspectView(inspected.input, inspected.inputType, inspected.projects, inspected.problems));
    $('inspect-section').hidden = false;
    $('input-state').textContent = `Read ${describeInput(dropped)}.`;
    showConvertForm();
  } catch (error) {
    if (input === dropped) $('input-state').textContent = `Cannot read ${describeInput(dropped)}: ${messageOf(error)}`;
  }
}

// ── options ─────────────────────────────────────────────────────────────────────────────────
function showConvertForm(): void {
  const kinds = new Set(projects.flatMap((p) => p.kinds));
  const fits = (f: FormatInfo) => f.kinds.some((k) => kinds.has(k));
  const checkbox = (f: FormatInfo) =>
    el('label', { class: 'format', title: f.description }, el('input', { type: 'checkbox', name: 'format', value: f.name }), ` ${f.name}`, el('small', {}, ` ${f.description}`));
  $('formats').replaceChildren(...formats.filter(fits).map(checkbox));
  const others = formats.filter((f) => !fits(f));
  $('formats-other').replaceChildren(...others.map(checkbox));
  $('other-formats').hidden = others.length === 0;

  const cabinets = [...new Set(projects.flatMap((p) => p.cabinets))];
  const labelers = cabinets.filter((c) => !/^(REVIEW|ROOT)(-|$)/.test(c)).map((c) => [c, `${c} (a labeler’s)`] as const);
  const choices: Array<readonly [string, string]> = [];
  if (cabinets.includes('REVIEW')) choices.push(['REVIEW', 'REVIEW (reviewed labels)']);
  if (cabinets.some((c) => c.startsWith('ROOT'))) choices.push(['ROOT', 'ROOT (the project owner’s)']);
  choices.push(...labelers, ['all', 'all cabinets']);
  // The CLI's default (REVIEW) when the export has it, else the first there is.
  const preferred = choices.find(([value]) => value === options?.cabinet.default) ?? choices[0];
  fillSelect($<HTMLSelectElement>('cabinet'), choices, preferred[0]);

  const sets = new Map<number, string | undefined>();
  for (const p of projects) for (const s of p.labelSets) if (!sets.has(s.index) || sets.get(s.index) === undefined) sets.set(s.index, s.name);
  const setChoices = [...sets].map(([index, name]) => [String(index), name ? `${index}: ${name}` : String(index)] as const);
  fillSelect($<HTMLSelectElement>('label-set'), setChoices.length ? setChoices : [['0', '0']], setChoices[0]?.[0]);
  $('convert-section').hidden = false;
}

function settings(): PageSettings {
  const form = $<HTMLFormElement>('convert-form');
  const to = [...form.querySelectorAll<HTMLInputElement>('input[name="format"]:checked')].map((box) => box.value as FormatName);
  const labelSet = $<HTMLSelectElement>('label-set').value;
  return {
    to,
    cabinet: $<HTMLSelectElement>('cabinet').value,
    scheme: $<HTMLSelectElement>('scheme').value,
    overlap: $<HTMLSelectElement>('overlap').value,
    labelSet: labelSet === '' ? undefined : Number(labelSet),
  };
}

// ── convert ─────────────────────────────────────────────────────────────────────────────────
$<HTMLFormElement>('convert-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void convert();
});

async function convert(): Promise<void> {
  const dropped = input;
  if (!dropped) return;
  const chosen = settings();
  const state = $('convert-state');
  if (chosen.to.length === 0) {
    state.textContent = 'Choose at least one format.';
    return;
  }
  const button = $<HTMLButtonElement>('convert-button');
  const progress = $<HTMLProgressElement>('progress');
  button.disabled = true;
  progress.hidden = false;
  progress.removeAttribute('value');
  state.textContent = 'Converting…';
  $('results-section').hidden = true;
  try {
    result = await converter.convert(dropped, chosen, (done, total, name) => {
      progress.max = total;
      progress.value = done;
      state.textContent = `Converted ${done} of ${total} document(s) (${name})…`;
    });
    state.textContent = `Done: ${result.files.length} file(s) from ${result.converted} document(s)${result.skipped ? `, ${result.skipped} skipped (see the report)` : ''}${result.exitCode ? '; the report has errors' : ''}.`;
    showResults(result);
  } catch (error) {
    state.textContent = `The conversion stopped: ${messageOf(error)}`;
  } finally {
    button.disabled = false;
    progress.hidden = true;
  }
}

// ── results ─────────────────────────────────────────────────────────────────────────────────
function showResults(converted: Converted): void {
  $('files-output').replaceChildren(filesView(converted.files));
  $('report-output').replaceChildren(reportView('Report', converted.problems));
  $('preview-section').hidden = true;
  $('results-section').hidden = false;
  $<HTMLButtonElement>('download-all').disabled = converted.files.length === 0;
  const first = converted.files.find((f) => !/\.(xlsx|pdf)$/i.test(f.path)) ?? converted.files[0];
  if (first) void showPreview(first);
}

$('files-output').addEventListener('click', (event) => {
  const button = (event.target as HTMLElement).closest('button');
  if (!button || !result) return;
  const download = button.dataset.download;
  const preview = button.dataset.preview;
  if (download !== undefined) save(result.files[Number(download)].blob, baseName(result.files[Number(download)].path));
  if (preview !== undefined) void showPreview(result.files[Number(preview)]);
});

$('download-all').addEventListener('click', async () => {
  if (!result) return;
  const button = $<HTMLButtonElement>('download-all');
  button.disabled = true;
  try {
    save(await converter.zip(result.files), `${zipName(input)}-converted.zip`);
  } catch (error) {
    $('convert-state').textContent = `The ZIP could not be made: ${messageOf(error)}`;
  } finally {
    button.disabled = false;
  }
});

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

function zipName(dropped: DroppedInput | undefined): string {
  const name = !dropped ? 'export' : dropped.kind === 'file' ? dropped.file.name : dropped.name;
  return name.replace(/\.[^.]+$/, '') || 'export';
}

/** Hands a file to the browser's downloads: a local blob: URL, nothing sent anywhere. */
function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
