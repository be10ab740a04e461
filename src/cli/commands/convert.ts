import { promises as fs } from 'node:fs';
import { convert } from '../../node/convert.js';
import { formatSelection } from '../../core/formats/resolve-formats.js';
import { renderReportJson, renderReportText } from '../../core/report/render.js';
import type { Command } from '../command.js';
import { convertOptionsFrom } from '../options.js';

export const convertCommand: Command = {
  name: 'convert',
  summary: 'convert a saved export (ZIP, folder or document file) into other formats',
  arguments: ['<input>'],
  notes: 'The input is an export ZIP, an unpacked export folder or one document file (DATASAUR_SCHEMA, JSON_ADVANCED, TSV, CSV, ...).',
  async run(args, io) {
    const { str, num, flag, list } = args;
    const options = convertOptionsFrom(args.values);
    const out = str('out')!;
    const result = await convert({
      input: args.positionals[0]!,
      to: formatSelection(list('to')),
      outDir: out,
      cabinet: str('cabinet'),
      force: flag('force'),
      flat: flag('flat'),
      options,
      workers: num('workers'),
      inputFormat: str('inputFormat'),
      limits: { maxTotalBytes: num('maxBytes')!, maxEntries: num('maxEntries')! },
    });
    const messages = result.report.all();
    const reportFile = str('report');
    if (reportFile) await fs.writeFile(reportFile, renderReportJson(messages, options.strict));
    io.stderr.write(renderReportText(messages, { strict: options.strict, limit: 50 }));
    io.stdout.write(
      result.files.length
        ? `wrote ${result.files.length} file(s) for ${result.documents.converted} document(s) to ${out}${result.documents.skipped ? `; ${result.documents.skipped} document(s) skipped` : ''}\n`
        : `no output written${options.strict ? ' (--strict: the report has warnings or errors)' : ''}\n`,
    );
    return result.exitCode;
  },
};
