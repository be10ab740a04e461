import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/main.js';
import { buildProgram, rowsOf } from '../../src/cli/program.js';
import { EXIT_CODES, type Command, type CommandArgs } from '../../src/cli/command.js';
import { isSwitch, type OptionRow } from '../../src/cli/option-row.js';
import { OPTIONS } from '../../src/cli/options.js';
import { DEFAULT_OPTIONS } from '../../src/core/formats/options.js';
import { cli } from '../helpers/cli.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** The help's option entries: `  -t, --to <formats>  text…` with its wrapped lines, whitespace collapsed. */
function optionEntries(help: string): string[] {
  return help
    .split(/\n(?= {2}-)/)
    .slice(1)
    .map((entry) => entry.split(/\n(?=\S)|\n\n/)[0]!.replace(/\s+/g, ' ').trim());
}

function entryOf(help: string, row: OptionRow): string | undefined {
  return optionEntries(help).find((e) => e.startsWith(`${row.flags} `) || e === row.flags);
}

describe('--help of every command', () => {
  it('lists every option of the options table with its default, choices and environment variable', async () => {
    let checked = 0;
    for (const command of COMMANDS) {
      const { code, stdout, stderr } = await cli(command.name, '--help');
      expect(code, stderr).toBe(0);
      expect(stdout).toMatch(new RegExp(`^Usage: datasaur-export ${command.name}`));
      for (const row of rowsOf(command.name)) {
        const entry = entryOf(stdout, row);
        expect(entry, `${command.name} --help lists ${row.flags}`).toBeDefined();
        const words = row.description.replace(/\s+/g, ' ');
        expect(entry).toContain(words);
        const shown = row.defaultText ?? (row.default !== undefined && !isSwitch(row) ? String(row.default) : undefined);
        if (shown !== undefined) expect(entry, `${command.name} ${row.flags}`).toContain(`default: ${shown}`);
        if (row.choices) expect(entry).toContain(`choices: ${row.choices.join(', ')}`);
        if (row.env) expect(entry).toContain(`env: ${row.env}`);
        if (row.required) expect(entry).toContain('required');
        checked++;
      }
      for (const [exitCode, meaning] of EXIT_CODES) expect(stdout.replace(/\s+/g, ' ')).toContain(`${exitCode} ${meaning}`);
    }
    // Every row belongs to a command, so every row was checked at least once.
    expect(checked).toBeGreaterThanOrEqual(OPTIONS.length);
  });

  it('shows the format options with the library defaults (DEFAULT_OPTIONS), not copies', async () => {
    const { stdout } = await cli('convert', '--help');
    const entry = (flag: string) => optionEntries(stdout).find((e) => e.includes(flag))!;
    expect(entry('--scheme <scheme>')).toContain(`default: ${DEFAULT_OPTIONS.scheme}`);
    expect(entry('--overlap <rule>')).toContain(`default: ${DEFAULT_OPTIONS.overlap}`);
    expect(entry('--offsets <unit>')).toContain(`default: ${DEFAULT_OPTIONS.offsets}`);
    expect(entry('--page-size <size>')).toContain(`default: ${DEFAULT_OPTIONS.pdf.pageSize}`);
    expect(entry('--orientation')).toContain(`default: ${DEFAULT_OPTIONS.pdf.orientation}`);
    expect(entry('--font-size <points>')).toContain(`default: ${DEFAULT_OPTIONS.pdf.fontSize}`);
  });

  it('a run without format flags converts with exactly DEFAULT_OPTIONS; each flag changes its field', async () => {
    const seen: CommandArgs[] = [];
    const spy: Command = { name: 'convert', summary: 'spy', arguments: ['<input>'], run: async (args) => (seen.push(args), 0) };
    const parse = async (...argv: string[]) => {
      const program = buildProgram([spy], { stdout: new Writable({ write: (_c, _e, cb) => cb() }), stderr: new Writable({ write: (_c, _e, cb) => cb() }) }, () => undefined);
      await program.parseAsync(['convert', 'in.zip', '-t', 'PLAIN', '-o', 'out', ...argv], { from: 'user' });
      const { convertOptionsFrom } = await import('../../src/cli/options.js');
      return convertOptionsFrom(seen.at(-1)!.values);
    };
    expect(await parse()).toEqual(DEFAULT_OPTIONS);
    expect(await parse('--scheme', 'bioes', '--no-arrows', '--font-size', '12', '--label-set', '2', '--pdf-label-sets', '0,2')).toEqual({
      ...DEFAULT_OPTIONS,
      scheme: 'IOBES',
      labelSet: 2,
      pdf: { ...DEFAULT_OPTIONS.pdf, arrows: false, fontSize: 12, labelSets: [0, 2] },
    });
  });

  it('the top-level help lists every command and the exit codes', async () => {
    for (const argv of [[], ['--help'], ['-h'], ['help']]) {
      const { code, stdout } = await cli(...argv);
      expect(code).toBe(0);
      for (const command of COMMANDS) expect(stdout).toMatch(new RegExp(`\\n {2}${command.name}\\b`));
      expect(stdout).toContain('Exit codes:');
    }
    const helpOf = await cli('help', 'convert');
    expect(helpOf.stdout).toMatch(/^Usage: datasaur-export convert \[options\] <input>/);
  });
});

describe('version and mistakes', () => {
  it('--version, -V and version print the package version', async () => {
    for (const argv of [['--version'], ['-V'], ['version']]) {
      const { code, stdout } = await cli(...argv);
      expect(code).toBe(0);
      expect(stdout).toBe(`${version}\n`);
    }
  });

  it('--shceme exits 2 in one paragraph and suggests --scheme', async () => {
    const { code, stdout, stderr } = await cli('convert', 'x.zip', '-t', 'TSV_IOB', '-o', 'out', '--shceme', 'IOB2');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^error \[BAD_OPTION\] unknown option '--shceme'\. Did you mean --scheme\?/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('a mistyped format, value or command gets a suggestion; exit 2', async () => {
    const format = await cli('convert', 'x.zip', '--to', 'tsv_iobb', '--out', 'out');
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/--to: unknown or unavailable format "tsv_iobb".*Did you mean TSV_IOB\?/);
    const value = await cli('convert', 'x.zip', '--to', 'PLAIN', '--out', 'out', '--overlap', 'longets');
    expect(value.stderr).toMatch(/--overlap: "longets" is not a valid value; expected one of first, longest, columns, error\. Did you mean longest\?/);
    const command = await cli('inspekt', 'x.zip');
    expect(command.code).toBe(2);
    expect(command.stderr).toMatch(/unknown command 'inspekt'\. Did you mean inspect\?/);
  });

  it('short flags are the long ones', async () => {
    const long = await cli('convert', 'nope.zip', '--to', 'PLAIN', '--out', 'out', '--force');
    const short = await cli('convert', 'nope.zip', '-t', 'PLAIN', '-o', 'out', '-f');
    expect(short).toEqual(long);
    expect(short.stderr).toMatch(/FILE_NOT_FOUND/);
  });

  it('missing input, value or required flag: one paragraph, exit 2', async () => {
    for (const argv of [['convert'], ['convert', 'x.zip', '--to'], ['convert', 'x.zip', '--to', 'PLAIN'], ['convert', 'a', 'b', '-t', 'PLAIN', '-o', 'o'], ['formats', 'extra']]) {
      const { code, stderr } = await cli(...argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr.trim().split('\n'), stderr).toHaveLength(1);
      expect(stderr).toMatch(/^error \[BAD_OPTION\] /);
    }
    expect((await cli('convert', 'x.zip', '--to', 'PLAIN')).stderr).toMatch(/--out: no output folder given/);
  });
});
