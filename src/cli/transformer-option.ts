import { InputError } from '../core/errors.js';
import type { ConvertOptions } from '../core/formats/options.js';
import type { FormatSelection } from '../core/formats/resolve-formats.js';
import { loadTransformer } from '../node/transformer/load.js';
import type { CommandArgs } from './command.js';

/**
 * `--transformer` (CUSTOM): loads the transformer before any input is read (a file that does not
 * compile stops the run at once), puts it into the run's options, and closes its sandbox when
 * `run` ends. `--to CUSTOM` without a transformer, and a transformer without CUSTOM or `all`, are
 * usage errors.
 */
export async function withTransformer<T>(args: CommandArgs, to: FormatSelection, options: ConvertOptions, run: () => Promise<T>): Promise<T> {
  const file = args.str('transformer');
  const custom = to === 'all' || to.includes('CUSTOM');
  if (!file) {
    if (to !== 'all' && to.includes('CUSTOM')) {
      throw new InputError('BAD_OPTION', 'CUSTOM needs an export transformer', { where: '--transformer', expected: 'a .ts or .js file holding `(document: Exportable): string => …`', hint: 'Example: --to CUSTOM --transformer my-export.ts' });
    }
    return run();
  }
  if (!custom) throw new InputError('BAD_OPTION', '--transformer is for the CUSTOM format', { where: '--to', hint: 'Add CUSTOM to --to.' });
  const transformer = await loadTransformer(file, { timeoutMs: args.num('transformerTimeout')! * 1000, memoryMb: args.num('transformerMemory')! });
  options.transformer = transformer;
  try {
    return await run();
  } finally {
    delete options.transformer;
    await transformer.close();
  }
}
