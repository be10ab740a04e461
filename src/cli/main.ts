import { isInputError } from '../core/errors.js';
import type { Command, CommandIo } from './command.js';
import { EXIT_BAD_INPUT } from './command.js';
import { convertCommand } from './commands/convert.js';
import { inspectCommand } from './commands/inspect.js';
import { formatsCommand } from './commands/formats.js';
import { lintCommand } from './commands/lint.js';
import { exportCommand } from './commands/export.js';
import { webhookCommand } from './commands/webhook.js';
import { simulateCommand } from './commands/simulate.js';
import { demoCommand } from './commands/demo.js';
import '../core/read/register-readers.js';

/** The command table: each command lives in its own file under `commands/`. */
export const COMMANDS: Command[] = [
  convertCommand,
  inspectCommand,
  formatsCommand,
  lintCommand,
  exportCommand,
  webhookCommand,
  simulateCommand,
  demoCommand,
];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'datasaur-export: get labeled data out of Datasaur and into training formats',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `datasaur-export <command> --help` for a command\'s usage.',
  ].join('\n') + '\n';
}

/** Runs one CLI invocation; returns the exit code. Errors a user can cause print one paragraph. */
export async function runCli(argv: string[], io: CommandIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(help());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`error [BAD_OPTION] unknown command "${name}".\n${help()}`);
    return EXIT_BAD_INPUT;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`Usage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (isInputError(error)) {
      io.stderr.write(error.toUserMessage() + '\n');
      return EXIT_BAD_INPUT;
    }
    // A bug of ours, not the user's input: say so plainly; the stack only with DEBUG set.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`internal error: ${message}\nThis is a bug in datasaur-export; please report it with the command you ran.${process.env.DEBUG ? `\n${(error as Error).stack}` : ''}\n`);
    return 70;
  }
}
