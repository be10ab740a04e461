/**
 * THE options table: every flag of every command, once. `--help` lists the rows of a command with
 * their defaults, the parser reads them, and format options (rows with `convert`) fill
 * ConvertOptions with DEFAULT_OPTIONS' values as their defaults. Adding a flag = adding a row here.
 */
import { DEFAULT_WEBHOOK_BODY_LIMIT } from '../client/webhook.js';
import { EXPORT_METHODS } from '../client/operations.js';
import { InputError, isInputError } from '../core/errors.js';
import { DEFAULT_OPTIONS, type ConvertOptions } from '../core/formats/options.js';
import { MAIN_OPTIONS } from '../core/formats/main-options.js';
import { findWriter, registeredFormats } from '../core/formats/registry.js';
import { LINT_TARGETS } from '../core/formats/validate/types.js';
import { checkTagSpace } from '../core/formats/token/tag-space.js';
import { OFFSET_UNITS } from '../core/model/offsets.js';
import { DEFAULT_LIMITS } from '../core/read/zip-entries.js';
import '../core/read/register-readers.js';
import { inputFormatNames } from '../core/read/detect.js';
import { DEFAULT_SIM_CLIENT_ID, DEFAULT_TOKEN_LIFETIME_SECONDS } from '../simulator/defaults.js';
import { resolveFormats } from '../node/convert.js';
import { DEFAULT_SANDBOX_LIMITS } from '../node/transformer/limits.js';
import { transformerExtension } from '../core/formats/custom/custom-writer.js';
import { listOption, oneOf, portNumber, positiveNumber, positiveWholeNumber, repeatable, wholeNumber } from './args.js';
import { attributeOf, type CommandName, type OptionRow } from './option-row.js';
import { didYouMean } from './suggest.js';

const CONVERTING: readonly CommandName[] = ['convert', 'export'];
const FORMAT_OPTIONS = 'Format options:';
const OUTPUT = 'Output:';
const SERVER = 'Server and credentials (flags win over the environment):';
const DELIVERY = 'Delivery:';
const SELECTION = 'What to export:';

const ML_USES = ['training', 'test', 'validation'] as const;
const PAGE_SIZES = ['A4', 'LETTER'] as const satisfies readonly ConvertOptions['pdf']['pageSize'][];
const ORIENTATIONS = ['portrait', 'landscape'] as const satisfies readonly ConvertOptions['pdf']['orientation'][];
/** The registered input readers' format names (core/read/register-readers.ts). */
const INPUT_FORMATS = inputFormatNames();

export const OPTIONS: readonly OptionRow[] = [
  // ── convert / export: where the output goes ──────────────────────────────────────────────
  { flags: '-t, --to <formats>', commands: CONVERTING, group: OUTPUT, description: 'output formats, comma-separated, or all (`datasaur-export formats` lists them)', parse: formatNames, required: { message: 'no output format given', hint: 'Run `datasaur-export formats` to list them.' } },
  { flags: '-o, --out <dir>', commands: [...CONVERTING, 'demo'], group: OUTPUT, description: 'output folder (one subfolder per format unless --flat); - writes to stdout: the one output file, or a ZIP of all when there are several', required: { message: 'no output folder given' } },
  { flags: '-c, --cabinet <cabinet>', commands: CONVERTING, group: OUTPUT, description: MAIN_OPTIONS.cabinet.description, default: MAIN_OPTIONS.cabinet.default },
  { flags: '-r, --report <file>', commands: CONVERTING, group: OUTPUT, description: 'also write the full report as JSON to this file (- for stdout)' },
  { flags: '-f, --force', commands: CONVERTING, group: OUTPUT, description: 'replace outputs that already exist' },
  { flags: '-q, --quiet', commands: ['convert', 'export', 'inspect'], group: OUTPUT, description: 'no progress display (shown only when stderr is a terminal); the summary stays' },
  { flags: '--flat', commands: ['convert'], group: OUTPUT, description: 'write every file straight into --out (no subfolder per format)' },
  { flags: '-w, --workers <n>', commands: ['convert'], group: OUTPUT, description: 'threads converting documents of a ZIP or folder in parallel', default: 1, parse: positiveWholeNumber },
  { flags: '--input-format <name>', commands: ['convert', 'inspect'], group: 'Input:', description: 'read every document file as this format instead of detecting it from its content', defaultText: 'detected per file', choices: INPUT_FORMATS, parse: oneOf(INPUT_FORMATS) },
  { flags: '--max-bytes <n>', commands: ['convert'], group: 'Limits (hostile archives):', description: 'largest total size a ZIP may expand to, in bytes', default: DEFAULT_LIMITS.maxTotalBytes, parse: positiveNumber },
  { flags: '--max-entries <n>', commands: ['convert'], group: 'Limits (hostile archives):', description: 'most entries a ZIP may hold', default: DEFAULT_LIMITS.maxEntries, parse: positiveNumber },
  { flags: '--max-entry-bytes <n>', commands: ['convert'], group: 'Limits (hostile archives):', description: 'largest document file, in bytes: a larger one is skipped and named', defaultText: 'what the heap can parse, 1/24 of it', parse: positiveNumber },

  // ── format options (ConvertOptions; defaults are DEFAULT_OPTIONS) ─────────────────────────
  { flags: '--strict', commands: CONVERTING, group: FORMAT_OPTIONS, description: 'warnings count as errors; nothing is written when any remains', convert: (o, v: boolean) => (o.strict = v) },
  { flags: '--scheme <scheme>', commands: CONVERTING, group: FORMAT_OPTIONS, description: MAIN_OPTIONS.scheme.description, default: MAIN_OPTIONS.scheme.default, choices: MAIN_OPTIONS.scheme.choices, parse: (raw, flag) => oneOf(MAIN_OPTIONS.scheme.choices)(raw.toUpperCase() === 'BIOES' ? 'IOBES' : raw, flag), convert: (o, v: ConvertOptions['scheme']) => (o.scheme = v) },
  { flags: '--overlap <rule>', commands: CONVERTING, group: FORMAT_OPTIONS, description: MAIN_OPTIONS.overlap.description, default: MAIN_OPTIONS.overlap.default, choices: MAIN_OPTIONS.overlap.choices, parse: oneOf(MAIN_OPTIONS.overlap.choices), convert: (o, v: ConvertOptions['overlap']) => (o.overlap = v) },
  { flags: '--label-set <index|name>', commands: CONVERTING, group: FORMAT_OPTIONS, description: MAIN_OPTIONS.labelSet.description, defaultText: MAIN_OPTIONS.labelSet.defaultText, parse: (raw) => (/^\d+$/.test(raw) ? Number(raw) : raw), convert: (o, v: number | string) => (o.labelSet = v) },
  { flags: '--tag-space <string>', commands: CONVERTING, group: FORMAT_OPTIONS, description: 'replace spaces in label names in whitespace-separated tag columns (TSV_IOB, TSV_NON_IOB, CONLL_2003; Azure CoNLL always replaces, with _ by default)', defaultText: 'keep them, reported as TagHasSpace', parse: (raw) => (checkTagSpace(raw), raw), convert: (o, v: string) => (o.tagSpace = v) },
  { flags: '--include-conflicts', commands: CONVERTING, group: FORMAT_OPTIONS, description: 'keep CONFLICT labels (left out and reported otherwise)', convert: (o, v: boolean) => (o.includeConflicts = v) },
  { flags: '--offsets <unit>', commands: CONVERTING, group: FORMAT_OPTIONS, description: 'unit of character offsets written for external targets', default: DEFAULT_OPTIONS.offsets, choices: OFFSET_UNITS, parse: oneOf(OFFSET_UNITS), convert: (o, v: ConvertOptions['offsets']) => (o.offsets = v) },
  { flags: '--combine', commands: CONVERTING, group: FORMAT_OPTIONS, description: 'also write one file for the whole project (targets that train on one file)', convert: (o, v: boolean) => (o.combine = v) },
  { flags: '--gcs-prefix <gs://bucket/folder>', commands: CONVERTING, group: FORMAT_OPTIONS, description: 'Cloud Storage folder the Vertex import CSV points into', defaultText: 'none, the CSV names the files only', convert: (o, v: string) => (o.gcsPrefix = v) },
  { flags: '--ml-use <split>', commands: CONVERTING, group: FORMAT_OPTIONS, description: 'Vertex ml_use value for every document', defaultText: 'no ml_use column', choices: ML_USES, parse: oneOf(ML_USES), convert: (o, v: string) => (o.mlUse = v) },
  { flags: '--bom', commands: CONVERTING, group: FORMAT_OPTIONS, description: 'start CSV/TSV files with a UTF-8 BOM (Excel)', convert: (o, v: boolean) => (o.bom = v) },
  { flags: '--escape-formulas', commands: CONVERTING, group: FORMAT_OPTIONS, description: "prefix values starting with = + - @ with ' in CSV/TSV/XLSX", convert: (o, v: boolean) => (o.escapeFormulas = v) },
  { flags: '--text-column <name>', commands: CONVERTING, group: FORMAT_OPTIONS, description: 'column holding the text for classifier targets', defaultText: 'the first text column', convert: (o, v: string) => (o.textColumn = v) },
  { flags: '--label-question <name>', commands: CONVERTING, group: FORMAT_OPTIONS, description: 'question whose answers are the labels for classifier targets', defaultText: 'the first option question', convert: (o, v: string) => (o.labelQuestion = v) },
  { flags: '--doc-answers-only', commands: CONVERTING, group: FORMAT_OPTIONS, description: 'one table row per document with its document answers only', convert: (o, v: boolean) => (o.docAnswersOnly = v) },
  { flags: '--page-size <size>', commands: CONVERTING, group: FORMAT_OPTIONS, description: 'PDF page size', default: DEFAULT_OPTIONS.pdf.pageSize, choices: PAGE_SIZES, parse: oneOf(PAGE_SIZES), convert: (o, v: ConvertOptions['pdf']['pageSize']) => (o.pdf.pageSize = v) },
  { flags: '--orientation <orientation>', commands: CONVERTING, group: FORMAT_OPTIONS, description: 'PDF page orientation', default: DEFAULT_OPTIONS.pdf.orientation, choices: ORIENTATIONS, parse: oneOf(ORIENTATIONS), convert: (o, v: ConvertOptions['pdf']['orientation']) => (o.pdf.orientation = v) },
  { flags: '--font-size <points>', commands: CONVERTING, group: FORMAT_OPTIONS, description: 'PDF text size', default: DEFAULT_OPTIONS.pdf.fontSize, parse: positiveNumber, convert: (o, v: number) => (o.pdf.fontSize = v) },
  { flags: '--pdf-label-sets <indexes>', commands: CONVERTING, group: FORMAT_OPTIONS, description: 'label sets the PDF draws, e.g. 0,2', defaultText: 'all', parse: labelSetIndexes, convert: (o, v: number[]) => (o.pdf.labelSets = v) },
  { flags: '--no-arrows', commands: CONVERTING, group: FORMAT_OPTIONS, description: 'PDF without relation arrows', convert: (o, v: boolean) => (o.pdf.arrows = v) },
  { flags: '--transformer <file>', commands: CONVERTING, group: FORMAT_OPTIONS, description: 'CUSTOM: export transformer, a .ts or .js file ending with (document: Exportable): string => …' },
  { flags: '--transformer-timeout <seconds>', commands: CONVERTING, group: FORMAT_OPTIONS, description: 'CUSTOM: time limit per document', default: DEFAULT_SANDBOX_LIMITS.timeoutMs / 1000, parse: positiveNumber },
  { flags: '--transformer-memory <MB>', commands: CONVERTING, group: FORMAT_OPTIONS, description: "CUSTOM: heap limit of the transformer's sandbox", default: DEFAULT_SANDBOX_LIMITS.memoryMb, parse: atLeast16 },
  { flags: '--transformer-ext <ext>', commands: CONVERTING, group: FORMAT_OPTIONS, description: 'CUSTOM: extension of the files written', default: DEFAULT_OPTIONS.transformerExt, parse: (raw) => transformerExtension(raw), convert: (o, v: string) => (o.transformerExt = v) },

  // ── export: what, from where, how delivered ───────────────────────────────────────────────
  { flags: '-p, --project <ids>', commands: ['export'], group: SELECTION, description: 'project id (repeatable, or comma-separated)', parse: repeatable },
  { flags: '--document <id>', commands: ['export'], group: SELECTION, description: 'one document instead of whole projects' },
  { flags: '--tag <tags>', commands: ['export'], group: SELECTION, description: 'projects with this tag (repeatable)', parse: repeatable },
  { flags: '--status <statuses>', commands: ['export'], group: SELECTION, description: 'projects in this status, e.g. COMPLETE (repeatable)', parse: repeatable },
  { flags: '--team <id>', commands: ['export'], group: SELECTION, description: 'team whose projects --tag/--status search', env: 'DATASAUR_TEAM_ID' },
  { flags: '--base-url <url>', commands: ['export'], group: SERVER, description: 'Datasaur server', env: 'DATASAUR_BASE_URL' },
  { flags: '--client-id <id>', commands: ['export'], group: SERVER, description: 'OAuth client id', env: 'DATASAUR_CLIENT_ID' },
  { flags: '--client-secret <secret>', commands: ['export'], group: SERVER, description: 'OAuth client secret', env: 'DATASAUR_CLIENT_SECRET' },
  { flags: '--basic-auth', commands: ['export'], group: SERVER, description: 'send the client credentials as HTTP Basic auth instead of in the body' },
  { flags: '--timeout <seconds>', commands: ['export'], group: SERVER, description: 'give up waiting for the export after this long', default: 600, parse: positiveNumber },
  { flags: '-m, --method <method>', commands: ['export'], group: DELIVERY, description: 'how the server delivers the export', default: 'FILE_STORAGE', choices: EXPORT_METHODS, parse: oneOf(EXPORT_METHODS) },
  { flags: '--webhook-url <public url>', commands: ['export'], group: DELIVERY, description: 'CUSTOM_WEBHOOK: the address the server can reach', defaultText: 'the local receiver' },
  { flags: '--webhook-secret <secret>', commands: ['export'], group: DELIVERY, description: 'CUSTOM_WEBHOOK: secret deliveries are signed with', env: 'DATASAUR_WEBHOOK_SECRET' },
  { flags: '--webhook-port <n>', commands: ['export'], group: DELIVERY, description: 'CUSTOM_WEBHOOK: local receiver port (0 = any free port)', default: 0, parse: portNumber },
  { flags: '--storage-id <id>', commands: ['export'], group: DELIVERY, description: 'EXTERNAL_OBJECT_STORAGE: the storage registered for the team' },
  { flags: '--storage-prefix <prefix>', commands: ['export'], group: DELIVERY, description: 'EXTERNAL_OBJECT_STORAGE: object key prefix' },
  { flags: '--storage-dir <dir>', commands: ['export'], group: DELIVERY, description: 'EXTERNAL_OBJECT_STORAGE: a local copy of the bucket to convert from' },
  { flags: '--save-export <dir>', commands: ['export'], group: DELIVERY, description: 'keep the downloaded DATASAUR_SCHEMA file here', defaultText: 'a temporary folder, removed after converting' },

  // ── inspect, formats, lint ───────────────────────────────────────────────────────────────
  { flags: '-j, --json', commands: ['inspect', 'formats', 'lint'], description: 'print JSON instead of text' },
  { flags: '--target <target>', commands: ['lint'], description: "whose rules to check against", choices: LINT_TARGETS, parse: oneOf(LINT_TARGETS), required: { message: "which target's rules?", hint: `Pass --target ${LINT_TARGETS.join('|')}.` } },
  { flags: '--offsets <unit>', commands: ['lint'], description: 'unit of the character offsets in the file', default: 'codepoint', choices: OFFSET_UNITS, parse: oneOf(OFFSET_UNITS) },
  { flags: '--text <document.txt>', commands: ['lint'], description: 'a document the Comprehend annotations point into (repeatable)', parse: (raw, _flag, previous) => [...((previous as string[] | undefined) ?? []), raw] },

  // ── demo ─────────────────────────────────────────────────────────────────────────────────
  { flags: '--fixture <paths>', commands: ['demo'], description: 'DATASAUR_SCHEMA exports to serve instead of the bundled projects (repeatable, comma-separated)', defaultText: 'the bundled token, row and document projects', parse: repeatable },

  // ── webhook receiver and simulator ──────────────────────────────────────────────────────
  { flags: '-o, --out <dir>', commands: ['webhook'], description: 'folder the delivered files are downloaded into', required: { message: 'no output folder given' } },
  { flags: '--secret <secret>', commands: ['webhook'], description: 'the secret passed with the export request', env: 'DATASAUR_WEBHOOK_SECRET' },
  { flags: '--port <n>', commands: ['webhook', 'simulate'], description: 'port to listen on (0 = any free port)', default: 0, parse: portNumber },
  { flags: '--host <address>', commands: ['webhook', 'simulate'], description: 'address to listen on', default: '127.0.0.1' },
  { flags: '--max-body <bytes>', commands: ['webhook'], description: 'largest delivery body accepted', default: DEFAULT_WEBHOOK_BODY_LIMIT, parse: positiveNumber },
  { flags: '--once', commands: ['webhook'], description: 'stop after the first delivery is downloaded' },
  { flags: '--timeout <seconds>', commands: ['webhook'], description: 'limit for each download', default: 600, parse: positiveNumber },
  { flags: '--projects <paths>', commands: ['simulate'], description: 'DATASAUR_SCHEMA files, export ZIPs or folders to serve (repeatable, comma-separated)', parse: repeatable },
  { flags: '--client-id <id>', commands: ['simulate'], description: 'client id the token endpoint accepts', default: DEFAULT_SIM_CLIENT_ID },
  { flags: '--client-secret <secret>', commands: ['simulate'], description: 'client secret the token endpoint accepts', defaultText: 'random, printed at start' },
  { flags: '--queued-ms <n>', commands: ['simulate'], description: 'time an export job stays QUEUED', default: 500, parse: wholeNumber },
  { flags: '--processing-ms <n>', commands: ['simulate'], description: 'time an export job stays IN_PROGRESS', default: 1000, parse: wholeNumber },
  { flags: '--token-lifetime <seconds>', commands: ['simulate'], description: 'lifetime of an access token', default: DEFAULT_TOKEN_LIFETIME_SECONDS, parse: positiveNumber },
  { flags: '--storage-dir <dir>', commands: ['simulate'], description: 'folder standing in for external object storage', defaultText: 'a temporary folder, removed on stop' },
  { flags: '--status <STATUS>', commands: ['simulate'], description: 'status every served project reports', defaultText: "each project's own" },
  { flags: '--tag <tags>', commands: ['simulate'], description: 'tags every served project carries, comma-separated', parse: (raw) => listOption(raw) ?? [] },
  { flags: '--fail-jobs <n>', commands: ['simulate'], description: 'make the next n export jobs fail', default: 0, parse: wholeNumber },
  { flags: '--link-404 <n>', commands: ['simulate'], description: 'answer 404 to the first n downloads of each delivered link', default: 0, parse: wholeNumber },
  { flags: '--slow-link <bytes/s>', commands: ['simulate'], description: 'throttle downloads to this rate', defaultText: 'no limit', parse: positiveNumber },
];

/** ConvertOptions from parsed values: DEFAULT_OPTIONS, then every format option the run has. */
export function convertOptionsFrom(values: Record<string, unknown>): ConvertOptions {
  const options: ConvertOptions = { ...DEFAULT_OPTIONS, pdf: { ...DEFAULT_OPTIONS.pdf } };
  for (const row of OPTIONS) {
    const value = values[attributeOf(row)];
    if (row.convert && value !== undefined) row.convert(options, value as never);
  }
  return options;
}

/** `--to`: names checked against the registry now, with a suggestion for a mistyped one. */
function formatNames(raw: string, flag: string): string[] {
  const names = listOption(raw) ?? [];
  if (names.length === 0) throw new InputError('BAD_OPTION', 'no output format given', { where: flag, hint: 'Run `datasaur-export formats` to list them.' });
  try {
    resolveFormats(names);
  } catch (error) {
    if (!isInputError(error)) throw error;
    const unknown = names.find((n) => n.toLowerCase() !== 'all' && !findWriter(n)) ?? '';
    const hint = didYouMean(unknown, registeredFormats().map((w) => w.name)) ?? 'Run `datasaur-export formats` to list them.';
    throw new InputError(error.code, error.message, { where: error.where ?? flag, expected: error.expected, hint });
  }
  return names;
}

function atLeast16(raw: string, flag: string): number {
  const n = positiveNumber(raw, flag);
  if (n < 16) throw new InputError('BAD_OPTION', `${n} MB is too little for a JavaScript heap`, { where: flag, expected: 'at least 16' });
  return n;
}

function labelSetIndexes(raw: string, flag: string): number[] {
  return (listOption(raw) ?? []).map((v) => {
    if (!/^\d+$/.test(v)) throw new InputError('BAD_OPTION', `"${v}" is not a label-set index`, { where: flag, expected: 'comma-separated indexes such as 0,2' });
    return Number(v);
  });
}
