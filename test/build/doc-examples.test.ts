import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageCopy } from './package-copy.js';
import { sample } from '../helpers/samples.js';

/**
 * The library's documented examples run, so the docs cannot rot: every ```ts / ```js / ```cjs block
 * of README's "Library" section and of docs/api.md's "The converter library" section is run with
 * Node against the package as a user installs it (`import … from 'datasaur-export'`), in a folder
 * holding `export.zip` (the token sample `Project 1.zip`) and `document.json` (a DATASAUR_SCHEMA
 * document). A block passes when it exits 0, prints no error, and its output holds each text the
 * block shows after `// →`.
 */
const ROOT = path.resolve(__dirname, '../..');

interface Example {
  source: string;
  line: number;
  language: string;
  code: string;
}

/** The code blocks of the section that starts with `heading` (up to the next heading of its level). */
function examples(file: string, heading: string): Example[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const start = text.indexOf(`\n${heading}\n`);
  expect(start, `${file} has a "${heading}" section`).toBeGreaterThan(-1);
  const level = heading.split(' ')[0];
  const after = text.slice(start + heading.length + 2);
  const next = after.search(new RegExp(`\\n${level} `));
  const section = next < 0 ? after : after.slice(0, next);
  const firstLine = text.slice(0, start + heading.length + 2).split('\n').length;
  const found: Example[] = [];
  for (const match of section.matchAll(/```(ts|js|cjs)\n([\s\S]*?)```/g)) {
    found.push({ source: file, line: firstLine + section.slice(0, match.index).split('\n').length - 1, language: match[1], code: match[2] });
  }
  return found;
}

const ALL = [...examples('README.md', '## Library'), ...examples('docs/api.md', '## The converter library')];

describe('the documented library examples run', () => {
  let copy: Awaited<ReturnType<typeof packageCopy>>;
  beforeAll(async () => {
    copy = await packageCopy();
    copyFileSync(sample('token-json-advanced', 'Project 1.zip'), path.join(copy.app, 'export.zip'));
    copyFileSync(path.join(ROOT, 'fixtures/token-project/REVIEW/curie.txt.json'), path.join(copy.app, 'document.json'));
  });
  afterAll(() => rmSync(copy.root, { recursive: true, force: true }));

  it('there are examples for readExport (bytes, stream, Blob, parsed JSON, files), convertExport, writeFormat and the entry points', () => {
    const code = ALL.map((e) => e.code).join('\n');
    for (const needle of ['readExport(', 'convertExport(', 'writeFormat(', 'new Blob(', 'ReadableStream', 'JSON.parse(', "from 'datasaur-export/node'", "from 'datasaur-export/core'", "require('datasaur-export')"]) {
      expect(code, needle).toContain(needle);
    }
  });

  for (const example of ALL) {
    it(`${example.source}:${example.line} runs and prints what it shows`, () => {
      const cjs = example.language === 'cjs';
      const js = transformSync(example.code, { loader: 'ts', format: cjs ? 'cjs' : 'esm' }).code;
      const file = path.join(copy.app, `example-${example.line}.${cjs ? 'cjs' : 'mjs'}`);
      writeFileSync(file, js);
      const run = spawnSync(process.execPath, [file], { cwd: copy.app, encoding: 'utf8', timeout: 120_000 });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      for (const [, shown] of example.code.matchAll(/\/\/ → (.+)/g)) expect(run.stdout).toContain(shown.trim());
    });
  }
});
