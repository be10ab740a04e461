import { formatSelection } from '../../core/formats/resolve-formats.js';
import type { Command } from '../command.js';
import { convertOptionsFrom } from '../options.js';
import { runConversion } from '../conversion.js';
import { withTransformer } from '../transformer-option.js';
import { checkStandardOutput, isStandardStream, readStandardInput } from '../standard-streams.js';

export const convertCommand: Command = {
  name: 'convert',
  summary: 'convert a saved export (ZIP, folder or document file) into other formats',
  arguments: ['<input>'],
  notes:
    'The input is an export ZIP, an unpacked export folder or one document file (DATASAUR_SCHEMA, JSON_ADVANCED, TSV, CSV, ...);\n' +
    '`-` reads it from standard input (a ZIP or a document, told from its bytes).\n' +
    '`--out -` writes the one output file to standard output, or a ZIP of all outputs when there are several;\n' +
    '`--report -` writes the report JSON to standard output. The summary line then goes to stderr.',
  async run(args, io) {
    const { str, num, flag, list } = args;
    checkStandardOutput(str('out'), str('report'));
    const input = args.positionals[0]!;
    const maxBytes = num('maxBytes')!;
    const to = formatSelection(list('to'));
    const options = convertOptionsFrom(args.values);
    // --transformer (CUSTOM) is loaded before any input is read.
    return withTransformer(args, to, options, async () =>
      runConversion(
        {
          input: isStandardStream(input) ? await readStandardInput(io, maxBytes) : input,
          to,
          out: str('out')!,
          reportFile: str('report'),
          cabinet: str('cabinet'),
          force: flag('force'),
          flat: flag('flat'),
          options,
          workers: num('workers'),
          inputFormat: str('inputFormat'),
          limits: { maxTotalBytes: maxBytes, maxEntries: num('maxEntries')!, maxEntryBytes: num('maxEntryBytes') },
          quiet: flag('quiet'),
          reportLines: 50,
        },
        io,
      ),
    );
  },
};
