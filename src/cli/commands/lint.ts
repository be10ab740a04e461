import { promises as fs } from 'node:fs';
import path from 'node:path';
import Papa from '../../core/deps/papaparse.js';
import { InputError } from '../../core/errors.js';
import { detectLayout, hasErrors, lintFile } from '../../core/formats/validate/index.js';
import type { LintTarget } from '../../core/formats/validate/types.js';
import type { OffsetUnit } from '../../core/model/offsets.js';
import { EXIT_OK, EXIT_REPORTED_ERRORS, type Command } from '../command.js';

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
  summary: 'check a training file (Comprehend, Azure, Vertex, HF, spaCy, CoNLL-2003, COCO, YOLO) against the target\'s rules',
  arguments: ['<file>'],
  notes: 'The layout (entity annotations or classifier file; Vertex JSONL, import CSV or classifier CSV) is told from the file. HF: a dataset_info.json beside the JSONL gives the class names; YOLO: a classes.txt beside the labels folder (or the file) gives the class count.',
  async run(args, io) {
    const file = args.positionals[0]!;
    const target = args.str('target') as LintTarget;
    const unit = args.str('offsets') as OffsetUnit;
    const text = await readText(file);

    const entities = target === 'comprehend' && detectLayout(file, text, target) === 'entities';
    const texts = entities ? await comprehendTexts(file, text, args.list('text')) : undefined;
    const { layout, result } = lintFile(file, text, target, { unit, texts, ...(await companions(file, target)) });

    if (args.flag('json')) {
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

/** The files a dataset keeps beside the one checked: HF `dataset_info.json`, YOLO `classes.txt`. */
async function companions(file: string, target: LintTarget): Promise<{ features?: Record<string, unknown>; classCount?: number }> {
  const dir = path.dirname(file);
  if (target === 'hf') {
    const info = await fs.readFile(path.join(dir, 'dataset_info.json'), 'utf8').catch(() => undefined);
    if (info === undefined) return {};
    try {
      return { features: (JSON.parse(info) as { features?: Record<string, unknown> }).features };
    } catch {
      throw new InputError('NOT_JSON', 'dataset_info.json beside the file is not JSON', { file: path.join(dir, 'dataset_info.json') });
    }
  }
  if (target === 'yolo') {
    for (const candidate of [path.join(dir, '..', 'classes.txt'), path.join(dir, 'classes.txt')]) {
      const classes = await fs.readFile(candidate, 'utf8').catch(() => undefined);
      if (classes !== undefined) return { classCount: classes.split('\n').filter((l) => l.trim() !== '').length };
    }
  }
  return {};
}

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
