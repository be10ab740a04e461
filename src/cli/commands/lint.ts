import { promises as fs } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { InputError } from '../../core/errors.js';
import { OFFSET_UNITS } from '../../core/model/offsets.js';
import { LINT_TARGETS, detectLayout, hasErrors, lintFile } from '../../core/formats/validate/index.js';
import { choice, parseCommandArgs } from '../args.js';
import { EXIT_OK, EXIT_REPORTED_ERRORS, type Command } from '../command.js';

const USAGE = 'datasaur-export lint <file> --target comprehend|azure|vertex [--offsets codepoint|utf16|grapheme] [--text <document.txt>]… [--json]';

/**
 * Checks a training file against the target's published rules, without uploading it. The layout
 * (entity annotations or classifier file; Vertex JSONL, import CSV or classifier CSV) is told from
 * the file itself. Comprehend
 * annotations are also checked against their documents: those given with `--text`, and any file
 * named in the `File` column that sits next to the CSV. Vertex: a `.csv` is the import list, any
 * other file the JSONL documents. Exit 0 when the target would accept the file, 1 when not.
 */
export const lintCommand: Command = {
  name: 'lint',
  summary: 'check a Comprehend, Azure or Vertex training file against the target\'s rules',
  usage: USAGE,
  async run(argv, io) {
    const args = parseCommandArgs(
      argv,
      { target: { type: 'string' }, offsets: { type: 'string' }, text: { type: 'string', multiple: true }, json: { type: 'boolean' } },
      USAGE,
    );
    const { values, positionals } = args;
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new InputError('BAD_OPTION', 'give exactly one file to check', { hint: `Usage: ${USAGE}` });
    const target = choice(values.target as string | undefined, LINT_TARGETS, '--target');
    if (!target) throw new InputError('BAD_OPTION', 'which target\'s rules?', { where: '--target', expected: LINT_TARGETS.join(', ') });
    const unit = choice(values.offsets as string | undefined, OFFSET_UNITS, '--offsets') ?? 'codepoint';
    const text = await readText(file);

    const entities = target === 'comprehend' && detectLayout(file, text, target) === 'entities';
    const texts = entities ? await comprehendTexts(file, text, args.values.text === undefined ? [] : (args.values.text as string[])) : undefined;
    const { layout, result } = lintFile(file, text, target, { unit, texts });

    if (values.json) {
      io.stdout.write(JSON.stringify({ file, target, layout, ok: !hasErrors(result), counts: result.counts, issues: result.issues }, null, 2) + '\n');
    } else {
      for (const issue of result.issues) io.stdout.write(`${file}:${issue.line}: ${issue.severity} ${issue.rule}: ${issue.message}\n`);
      const errors = result.issues.filter((i) => i.severity === 'error').length;
      const counts = Object.entries(result.counts).map(([k, v]) => `${v} ${k}`).join(', ');
      io.stdout.write(`${file}: ${errors} error(s), ${result.issues.length - errors} warning(s) (${target} ${layout}; ${counts})\n`);
    }
    return hasErrors(result) ? EXIT_REPORTED_ERRORS : EXIT_OK;
  },
};

async function readText(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new InputError('FILE_NOT_FOUND', 'cannot read the file', { file, cause: error });
  }
}

/** Documents named in the `File` column: `--text` files by base name, then files next to the CSV. */
async function comprehendTexts(csvPath: string, csv: string, given: string[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const t of given) texts.set(path.basename(t), await readText(t));
  const names = new Set(Papa.parse<string[]>(csv, { skipEmptyLines: true, delimiter: ',' }).data.slice(1).map((r) => r[0]));
  for (const name of names) {
    if (!name || texts.has(name) || name.includes('/') || name.includes('\\')) continue;
    const beside = path.join(path.dirname(csvPath), name);
    const content = await fs.readFile(beside, 'utf8').catch(() => undefined);
    if (content !== undefined) texts.set(name, content);
  }
  return texts;
}
