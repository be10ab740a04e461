import { promises as fs } from 'node:fs';
import { convert } from '../../node/convert.js';
import { DEFAULT_LIMITS } from '../../core/read/zip-entries.js';
import { OFFSET_UNITS } from '../../core/model/offsets.js';
import type { ConvertOptions } from '../../core/formats/options.js';
import { renderReportJson, renderReportText } from '../../core/report/render.js';
import { InputError } from '../../core/errors.js';
import { choice, listOption, parseCommandArgs, positiveNumber, type ParsedArgs } from '../args.js';
import type { Command } from '../command.js';

const USAGE =
  'datasaur-export convert <zip|folder|file> --to <FORMAT,…|all> --out <dir> [--cabinet REVIEW|ROOT|<labeler e-mail>|all] [--strict] [--report <file>] [--force] [--flat] [--workers N] [format options]';

/** Every ConvertOptions field as a flag; shared with `export`, which converts after downloading. */
export const CONVERT_OPTION_FLAGS = {
  strict: { type: 'boolean' },
  scheme: { type: 'string' },
  overlap: { type: 'string' },
  'label-set': { type: 'string' },
  'include-conflicts': { type: 'boolean' },
  offsets: { type: 'string' },
  combine: { type: 'boolean' },
  'gcs-prefix': { type: 'string' },
  'ml-use': { type: 'string' },
  bom: { type: 'boolean' },
  'escape-formulas': { type: 'boolean' },
  'text-column': { type: 'string' },
  'label-question': { type: 'string' },
  'doc-answers-only': { type: 'boolean' },
  'page-size': { type: 'string' },
  orientation: { type: 'string' },
  'font-size': { type: 'string' },
  'pdf-label-sets': { type: 'string' },
  'no-arrows': { type: 'boolean' },
} as const;

/** Turns parsed flags into ConvertOptions, validating every choice. */
export function convertOptionsFromFlags({ values, str }: Pick<ParsedArgs, 'values' | 'str'>): Partial<ConvertOptions> {
  const labelSet = str('label-set');
  const options: Partial<ConvertOptions> = {
    strict: Boolean(values.strict),
    includeConflicts: Boolean(values['include-conflicts']),
    combine: Boolean(values.combine),
    bom: Boolean(values.bom),
    escapeFormulas: Boolean(values['escape-formulas']),
    docAnswersOnly: Boolean(values['doc-answers-only']),
    scheme: choice(str('scheme')?.toUpperCase().replace(/^BIOES$/, 'IOBES'), ['IOB2', 'IOB1', 'IOBES', 'BILOU'] as const, '--scheme'),
    overlap: choice(str('overlap'), ['first', 'longest', 'columns', 'error'] as const, '--overlap'),
    offsets: choice(str('offsets'), OFFSET_UNITS, '--offsets'),
    labelSet: labelSet === undefined ? undefined : /^\d+$/.test(labelSet) ? Number(labelSet) : labelSet,
    gcsPrefix: str('gcs-prefix'),
    mlUse: choice(str('ml-use'), ['training', 'test', 'validation'] as const, '--ml-use'),
    textColumn: str('text-column'),
    labelQuestion: str('label-question'),
    pdf: {
      pageSize: choice(str('page-size')?.toUpperCase(), ['A4', 'LETTER'] as const, '--page-size') ?? 'A4',
      orientation: choice(str('orientation'), ['portrait', 'landscape'] as const, '--orientation') ?? 'portrait',
      fontSize: positiveNumber(str('font-size'), '--font-size') ?? 10,
      labelSets: listOption(str('pdf-label-sets'))?.map((v) => {
        if (!/^\d+$/.test(v)) throw new InputError('BAD_OPTION', `"${v}" is not a label-set index`, { where: '--pdf-label-sets', expected: 'comma-separated indexes such as 0,2' });
        return Number(v);
      }),
      arrows: !values['no-arrows'],
    },
  };
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<ConvertOptions>;
}

export const convertCommand: Command = {
  name: 'convert',
  summary: 'convert a saved export (ZIP, folder or document file) into other formats',
  usage: USAGE,
  async run(argv, io) {
    const args = parseCommandArgs(
      argv,
      {
        to: { type: 'string' },
        out: { type: 'string' },
        cabinet: { type: 'string' },
        report: { type: 'string' },
        force: { type: 'boolean' },
        flat: { type: 'boolean' },
        'max-bytes': { type: 'string' },
        'max-entries': { type: 'string' },
        workers: { type: 'string' },
        ...CONVERT_OPTION_FLAGS,
      },
      USAGE,
    );
    const { values, positionals } = args;
    const input = positionals[0];
    if (!input || positionals.length > 1) throw new InputError('BAD_OPTION', input ? `unexpected argument "${positionals[1]}"` : 'no input given', { hint: `Usage: ${USAGE}` });
    if (!values.to) throw new InputError('BAD_OPTION', 'no output format given', { where: '--to', hint: 'Run `datasaur-export formats` to list them.' });
    if (!values.out) throw new InputError('BAD_OPTION', 'no output folder given', { where: '--out' });
    const options = convertOptionsFromFlags(args);
    const result = await convert({
      input,
      to: listOption(values.to as string)!,
      outDir: values.out as string,
      cabinet: values.cabinet as string | undefined,
      force: Boolean(values.force),
      flat: Boolean(values.flat),
      options,
      workers: workerCount(values.workers as string | undefined),
      limits: {
        maxTotalBytes: positiveNumber(values['max-bytes'] as string | undefined, '--max-bytes') ?? DEFAULT_LIMITS.maxTotalBytes,
        maxEntries: positiveNumber(values['max-entries'] as string | undefined, '--max-entries') ?? DEFAULT_LIMITS.maxEntries,
      },
    });
    const messages = result.report.all();
    if (values.report) await fs.writeFile(values.report as string, renderReportJson(messages, options.strict));
    io.stderr.write(renderReportText(messages, { strict: options.strict, limit: 50 }));
    io.stdout.write(
      result.files.length
        ? `wrote ${result.files.length} file(s) for ${result.documents.converted} document(s) to ${values.out}${result.documents.skipped ? `; ${result.documents.skipped} document(s) skipped` : ''}\n`
        : `no output written${options.strict ? ' (--strict: the report has warnings or errors)' : ''}\n`,
    );
    return result.exitCode;
  },
};

/** `--workers N`: threads for a ZIP or folder with many documents (1, the default, converts on the main thread). */
function workerCount(value: string | undefined): number | undefined {
  const n = positiveNumber(value, '--workers');
  if (n !== undefined && !Number.isInteger(n)) throw new InputError('BAD_OPTION', `"${value}" is not a whole number of threads`, { where: '--workers', expected: 'a whole number such as 2' });
  return n;
}
