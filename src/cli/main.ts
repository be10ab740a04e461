import { CommanderError } from 'commander';
import { InputError, isInputError } from '../core/errors.js';
import type { Command, CommandIo } from './command.js';
import { EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK } from './command.js';
import { convertCommand } from './commands/convert.js';
import { inspectCommand } from './commands/inspect.js';
import { formatsCommand } from './commands/formats.js';
import { lintCommand } from './commands/lint.js';
import { exportCommand } from './commands/export.js';
import { webhookCommand } from './commands/webhook.js';
import { simulateCommand } from './commands/simulate.js';
import { demoCommand } from './commands/demo.js';
import { versionCommand } from './commands/version.js';
import { buildProgram, PROGRAM_NAME } from './program.js';
import '../core/read/register-readers.js';

/** The command table: each command lives in its own file under `commands/`, its flags in `options.ts`. */
export const COMMANDS: readonly Command[] = [
  convertCommand,
  inspectCommand,
  formatsCommand,
  lintCommand,
  exportCommand,
  webhookCommand,
  simulateCommand,
  demoCommand,
  versionCommand,
];

/** Runs one CLI invocation; returns the exit code. Errors a user can cause print one paragraph. */
export async function runCli(argv: string[], io: CommandIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  let code = EXIT_OK;
  const program = buildProgram(COMMANDS, io, (returned) => (code = returned));
  if (argv.length === 0) {
    program.outputHelp();
    return EXIT_OK;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end the parse through this exception, with exit code 0.
      if (error.exitCode === 0) return EXIT_OK;
      io.stderr.write(usageError(error, argv).toUserMessage() + '\n');
      return EXIT_BAD_INPUT;
    }
    if (isInputError(error)) {
      io.stderr.write(error.toUserMessage() + '\n');
      return EXIT_BAD_INPUT;
    }
    // A bug of ours, not the user's input: say so plainly; the stack only with DEBUG set.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`internal error: ${message}\nThis is a bug in datasaur-export; please report it with the command you ran.${process.env.DEBUG ? `\n${(error as Error).stack}` : ''}\n`);
    return EXIT_INTERNAL;
  }
}

/** Commander's "error: unknown option '--shceme'\n(Did you mean --scheme?)" as one paragraph. */
function usageError(error: CommanderError, argv: string[]): InputError {
  const lines = error.message.replace(/^error: /, '').split('\n').map((l) => l.trim()).filter(Boolean);
  const suggestion = lines.slice(1).map((l) => l.replace(/^\((.*)\)$/, '$1')).join(' ');
  const command = COMMANDS.find((c) => c.name === argv[0]);
  const help = command ? `See \`${PROGRAM_NAME} ${command.name} --help\`.` : `See \`${PROGRAM_NAME} --help\`.`;
  return new InputError('BAD_OPTION', lines[0] ?? error.message, { hint: [suggestion, help].filter(Boolean).join(' ') });
}
