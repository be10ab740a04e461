/**
 * The commander program: one subcommand per Command, its flags built from the rows of the options
 * table that name it. Help, version, "did you mean" and usage errors are commander's; this file
 * only routes its output to the command's streams and lists defaults and exit codes in `--help`.
 */
import { Command as Commander, Help, Option } from 'commander';
import { InputError } from '../core/errors.js';
import { EXIT_CODES, commandArgs, type Command, type CommandIo } from './command.js';
import { attributeOf, isSwitch, longFlagOf, type OptionRow } from './option-row.js';
import { OPTIONS } from './options.js';
import { VERSION } from './version.js';

export const PROGRAM_NAME = 'datasaur-export';

/** The rows a command takes, in table order. */
export function rowsOf(command: Command['name']): OptionRow[] {
  return OPTIONS.filter((row) => row.commands.includes(command));
}

/** `(choices: …; default: …; env: …)` after a row's description; switches are off by default. */
export function describeRow(row: OptionRow): string {
  const extra: string[] = [];
  if (row.required) extra.push('required');
  if (row.choices) extra.push(`choices: ${row.choices.join(', ')}`);
  const shown = row.defaultText ?? (row.default !== undefined && !isSwitch(row) ? String(row.default) : undefined);
  if (shown !== undefined) extra.push(`default: ${shown}`);
  if (row.env) extra.push(`env: ${row.env}`);
  return extra.length ? `${row.description} (${extra.join('; ')})` : row.description;
}

function exitCodesHelp(): string {
  return `\nExit codes:\n${EXIT_CODES.map(([code, meaning]) => `  ${String(code).padEnd(4)}${meaning}`).join('\n')}\n`;
}

/**
 * Builds a fresh program for one invocation (commander keeps parse state on its objects).
 * `done(code)` receives the exit code a command returned.
 */
export function buildProgram(commands: readonly Command[], io: CommandIo, done: (code: number) => void): Commander {
  const rowOf = new Map<Option, OptionRow>();
  const program = new Commander(PROGRAM_NAME)
    .description('Get labeled data out of Datasaur and into training formats.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .helpCommand('help [command]', 'show the help of a command')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Usage errors come back as CommanderError and are printed as one paragraph by runCli.
      outputError: () => undefined,
      getOutHelpWidth: () => (io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 100),
      getErrHelpWidth: () => (io.stderr.isTTY && io.stderr.columns ? io.stderr.columns : 100),
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .configureHelp({
      optionDescription: (option) => {
        const row = rowOf.get(option);
        return row ? describeRow(row) : new Help().optionDescription(option);
      },
    })
    .addHelpText('after', exitCodesHelp() + `\nRun \`${PROGRAM_NAME} <command> --help\` for a command's options.\n`);

  for (const command of commands) {
    const sub = program.command(command.name).description(command.summary);
    for (const argument of command.arguments ?? []) sub.argument(argument);
    const rows = rowsOf(command.name);
    for (const row of rows) {
      const option = new Option(row.flags, row.description);
      const flag = longFlagOf(row);
      const parse = row.parse;
      if (parse) option.argParser((raw: string, previous: unknown) => parse(raw, flag, previous));
      if (row.default !== undefined) option.default(row.default);
      if (row.env) option.env(row.env);
      if (row.group) option.helpGroup(row.group);
      rowOf.set(option, row);
      sub.addOption(option);
    }
    sub.addHelpText('after', (command.notes ? `\n${command.notes}\n` : '') + exitCodesHelp());
    sub.action(async () => {
      const values = sub.opts();
      for (const row of rows) {
        if (row.required && values[attributeOf(row)] === undefined) {
          throw new InputError('BAD_OPTION', row.required.message, { where: longFlagOf(row), hint: row.required.hint });
        }
      }
      done(await command.run(commandArgs([...sub.args], values), io));
    });
  }
  return program;
}
