import { VERSION } from '../version.js';
import { EXIT_OK, type Command } from '../command.js';

/** `datasaur-export version`, the same as `--version` / `-V`. */
export const versionCommand: Command = {
  name: 'version',
  summary: 'print the version',
  async run(_args, io) {
    io.stdout.write(`${VERSION}\n`);
    return EXIT_OK;
  },
};
