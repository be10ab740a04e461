import { registeredFormats } from '../../core/formats/registry.js';
import type { Command } from '../command.js';

export const formatsCommand: Command = {
  name: 'formats',
  summary: 'list the output formats and the project kinds each supports',
  async run(args, io) {
    const formats = registeredFormats().map((w) => ({ name: w.name, kinds: [...w.kinds], extension: w.extension, description: w.description }));
    if (args.flag('json')) {
      io.stdout.write(JSON.stringify(formats, null, 2) + '\n');
      return 0;
    }
    const width = Math.max(...formats.map((f) => f.name.length));
    for (const f of formats) io.stdout.write(`${f.name.padEnd(width)}  ${f.kinds.join(', ').padEnd(52)}  ${f.description}\n`);
    return 0;
  },
};
