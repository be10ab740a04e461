import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanError, listFiles, sandbox, type Sandbox } from '../hardening/harness.js';
import { cli } from '../helpers/cli.js';
import { sample } from '../helpers/samples.js';
import { TEMPLATE } from './helpers.js';

/** The audio sample: 10 documents in 4 cabinets each. */
const INPUT = sample('audio-json-advanced', '_Uniphore_ Datasaur Dataset_FRYWjo0dORv.zip');

describe('CUSTOM on the command line', () => {
  let box: Sandbox;
  let template: string;
  beforeAll(async () => {
    box = await sandbox('custom-cli');
    template = box.input('template.ts');
    await fs.writeFile(template, TEMPLATE);
  });
  afterAll(() => fs.rm(box.root, { recursive: true, force: true }));

  it('writes <document name>.<--transformer-ext> per document; --combine joins the results with a newline', async () => {
    const out = path.join(box.root, 'out');
    const each = await cli('convert', INPUT, '--to', 'CUSTOM', '--transformer', template, '--transformer-ext', '.md', '--cabinet', 'REVIEW', '--out', out);
    expect(each.code, each.stderr).toBe(0);
    const files = await listFiles(path.join(out, 'CUSTOM'));
    expect(files).toHaveLength(10);
    for (const f of files) expect(f).toMatch(/\.wav\.md$/);

    const plain = path.join(box.root, 'plain');
    expect((await cli('convert', INPUT, '--to', 'PLAIN', '--cabinet', 'REVIEW', '--out', plain)).code).toBe(0);
    const plainFiles = await listFiles(path.join(plain, 'PLAIN'));
    const texts = await Promise.all(plainFiles.map((f) => fs.readFile(path.join(plain, 'PLAIN', f), 'utf8')));

    const combined = path.join(box.root, 'combined');
    const run = await cli('convert', INPUT, '--to', 'CUSTOM', '--transformer', template, '--cabinet', 'REVIEW', '--combine', '--out', combined);
    expect(run.code, run.stderr).toBe(0);
    // The per-document files, and one file for the project (named after it, as every --combine file).
    const written = await listFiles(path.join(combined, 'CUSTOM'));
    const project = written.filter((f) => !f.endsWith('.wav.txt'));
    expect(project).toEqual(['_Uniphore_ Datasaur Dataset-FRYWjo0dORv/REVIEW/_Uniphore_ Datasaur Dataset-FRYWjo0dORv.txt']);
    // Each document's result followed by its newline, one after the other: the PLAIN files, concatenated.
    const joined = await fs.readFile(path.join(combined, 'CUSTOM', project[0]!), 'utf8');
    expect(joined.length).toBe(texts.reduce((n, t) => n + t.length, 0));
    for (const t of texts) expect(joined).toContain(t);
  }, 120_000);

  it('--to all writes CUSTOM only with a transformer', async () => {
    const out = path.join(box.root, 'all');
    const run = await cli('convert', sample('token-json-advanced', 'Project 2.zip'), '--to', 'all', '--out', out);
    expect(run.code, run.stderr).toBe(0);
    expect(await fs.readdir(out)).not.toContain('CUSTOM');
  }, 120_000);

  it('usage errors: CUSTOM without a transformer, a transformer without CUSTOM, a bad extension', async () => {
    const out = path.join(box.root, 'errors');
    const missing = await cli('convert', INPUT, '--to', 'CUSTOM', '--out', out);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/CUSTOM needs an export transformer/);
    const unused = await cli('convert', INPUT, '--to', 'PLAIN', '--transformer', template, '--out', out);
    expect(unused.stderr).toMatch(/--transformer is for the CUSTOM format/);
    const ext = await cli('convert', INPUT, '--to', 'CUSTOM', '--transformer', template, '--transformer-ext', '../x', '--out', out);
    expect(ext.stderr).toMatch(/is not a file extension/);
    for (const r of [missing, unused, ext]) expectCleanError(r.stderr);
    await expect(fs.stat(out)).rejects.toThrow();
  });

  it('a transformer that does not compile, or gives no function, stops the run before any input is read, naming the line', async () => {
    const broken = box.input('broken.ts');
    await fs.writeFile(broken, '(document: Exportable): string => {\n  return document.cells.map((cell) => cell.content).join(\n};\n');
    const run = await cli('convert', INPUT, '--to', 'CUSTOM', '--transformer', broken, '--out', path.join(box.root, 'broken'));
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/the transformer does not compile/);
    expect(run.stderr).toMatch(/line 3, column 1/);
    expectCleanError(run.stderr);

    const noFunction = box.input('no-function.ts');
    await fs.writeFile(noFunction, 'const answer = 42;\nanswer;\n');
    const none = await cli('convert', INPUT, '--to', 'CUSTOM', '--transformer', noFunction, '--out', path.join(box.root, 'none'));
    expect(none.stderr).toMatch(/evaluates to a number, not a function/);
    expectCleanError(none.stderr);
  });
});
