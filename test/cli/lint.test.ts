import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const NCBI = path.resolve('../shared/samples/datasets/ncbi-disease-iob.tsv');

async function tree(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else out.push(path.relative(dir, full));
    }
  };
  await walk(dir);
  return out.sort();
}

describe('datasaur-export lint, on files written by convert', () => {
  it('converts the NCBI IOB data to the three cloud targets (--combine) and each passes lint', async () => {
    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'dx-lint-'));
    const run = await cli('convert', NCBI, '--to', 'AMAZON_COMPREHEND_CSV,AZURE_AUTOML_CSV,GCP_VERTEX_AI_CSV,TSV_IOB', '--out', out, '--gcs-prefix', 'gs://bucket/ncbi', '--combine');
    expect(run.stderr).not.toMatch(/^error/m);
    expect(run.code).toBe(0);
    const files = await tree(out);
    const find = (format: string, end: string) => path.join(out, files.find((f) => f.startsWith(format + path.sep) && f.endsWith(end))!);
    expect(await fs.readFile(find('TSV_IOB', 'ncbi-disease-iob.tsv'), 'utf8')).toBe(await fs.readFile(NCBI, 'utf8'));

    const comprehend = await cli('lint', find('AMAZON_COMPREHEND_CSV', 'ncbi-disease-iob.tsv.csv'), '--target', 'comprehend');
    expect(comprehend.stdout).toMatch(/: 0 error\(s\), 0 warning\(s\) \(comprehend entities; 2499 annotations, 4 types, 1 files\)/);
    expect(comprehend.code).toBe(0);
    const azure = await cli('lint', find('AZURE_AUTOML_CSV', 'ncbi-disease-iob.tsv.conll'), '--target', 'azure');
    expect(azure.code).toBe(0);
    const vertex = await cli('lint', find('GCP_VERTEX_AI_CSV', 'ncbi-disease-iob.tsv.jsonl'), '--target', 'vertex', '--json');
    expect(JSON.parse(vertex.stdout)).toMatchObject({ ok: true, counts: { documents: 1 } });
    const importCsv = await cli('lint', find('GCP_VERTEX_AI_CSV', 'ncbi-disease-iob.tsv.csv'), '--target', 'vertex');
    expect(importCsv.code).toBe(0);
  });

  it('checks the classifier files of a row project for each target', async () => {
    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'dx-lint-rows-'));
    const run = await cli('convert', path.resolve('fixtures/row-project.zip'), '--to', 'AMAZON_COMPREHEND_CSV,AZURE_AUTOML_CSV,GCP_VERTEX_AI_CSV', '--out', out);
    expect(run.code).toBe(0);
    const files = await tree(out);
    for (const [format, target] of [['AMAZON_COMPREHEND_CSV', 'comprehend'], ['AZURE_AUTOML_CSV', 'azure'], ['GCP_VERTEX_AI_CSV', 'vertex']]) {
      const file = path.join(out, files.find((f) => f.startsWith(format + path.sep))!);
      const result = await cli('lint', file, '--target', target, '--json');
      expect(JSON.parse(result.stdout), `${format}: ${result.stdout}`).toMatchObject({ layout: 'classifier', ok: true });
    }
  });

  it('exits 1 and lists each broken rule with its line', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dx-lint-'));
    const file = path.join(dir, 'bad.conll');
    await fs.writeFile(file, 'Ada  B-PER\n\n\nBob X\n');
    const { code, stdout } = await cli('lint', file, '--target', 'azure');
    expect(code).toBe(1);
    expect(stdout).toContain(`${file}:1: error azure/one-space`);
    expect(stdout).toContain(`${file}:3: error azure/one-empty-line`);
    expect(stdout).toContain(`${file}:4: error azure/label-prefix`);
  });

  it('checks Comprehend offsets against a document next to the CSV', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dx-lint-'));
    await fs.writeFile(path.join(dir, 'a.txt'), 'Ada\n');
    await fs.writeFile(path.join(dir, 'a.csv'), 'File,Line,Begin Offset,End Offset,Type\r\na.txt,0,0,9,PER\r\n');
    const { code, stdout } = await cli('lint', path.join(dir, 'a.csv'), '--target', 'comprehend');
    expect(code).toBe(1);
    expect(stdout).toContain('comprehend/offset-range');
  });

  it('is a usage error (exit 2) without --target or with a missing file', async () => {
    expect((await cli('lint', NCBI)).code).toBe(2);
    expect((await cli('lint', '/nonexistent/file.csv', '--target', 'azure')).code).toBe(2);
  });
});
