import { convert } from '../../node/convert.js';
import { formatSelection } from '../../core/formats/resolve-formats.js';
import { renderReportText } from '../../core/report/render.js';
import type { Command } from '../command.js';
import { convertOptionsFrom } from '../options.js';
import { EXIT_INTERRUPTED, isInterrupted, withInterrupts } from '../../node/interrupt.js';
import { withTransformer } from '../transformer-option.js';
import { WorkProgress } from '../progress.js';

export const convertCommand: Command = {
  name: 'convert',
  summary: 'convert a saved export (ZIP, folder or document file) into other formats',
  arguments: ['<input>'],
  notes: 'The input is an export ZIP, an unpacked export folder or one document file (DATASAUR_SCHEMA, JSON_ADVANCED, TSV, CSV, ...).',
  async run(args, io) {
    const { str, num, flag, list } = args;
    const options = convertOptionsFrom(args.values);
    const out = str('out')!;
    const to = formatSelection(list('to'));
    const progress = WorkProgress.on(io, 'converting', flag('quiet'));
    // Ctrl-C / SIGTERM: the run removes what it staged and says so (exit 130).
    const result = await withTransformer(args, to, options, () =>
      withInterrupts(
      (signal) =>
        convert({
          signal,
          input: args.positionals[0]!,
          to,
          outDir: out,
          cabinet: str('cabinet'),
          force: flag('force'),
          flat: flag('flat'),
          options,
          workers: num('workers'),
          inputFormat: str('inputFormat'),
          reportFile: str('report'),
          limits: { maxTotalBytes: num('maxBytes')!, maxEntries: num('maxEntries')! },
          onDocument: (done, total) => progress.update(done, total),
        }),
      io.stderr,
    ))
      .finally(() => progress.stop())
      .catch((error: unknown) => {
      if (!isInterrupted(error)) throw error;
      io.stderr.write(`${error.message}\n`);
      return null;
    });
    if (!result) return EXIT_INTERRUPTED;
    io.stderr.write(renderReportText(result.report, { strict: options.strict, limit: 50 }));
    io.stdout.write(
      result.written
        ? `wrote ${result.written} file(s) for ${result.documents.converted} document(s) to ${out}${result.documents.skipped ? `; ${result.documents.skipped} document(s) skipped` : ''}\n`
        : `no output written${options.strict ? ' (--strict: the report has warnings or errors)' : ''}\n`,
    );
    if (result.interrupted) {
      io.stderr.write(`interrupted (${result.interrupted}) while committing: the commit was finished, ${result.written} file(s) are in ${out} (${result.committed.join(', ')})\n`);
      return EXIT_INTERRUPTED;
    }
    return result.exitCode;
  },
};
