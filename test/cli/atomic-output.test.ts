import { describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.js';

/** Must show (issue 2): outputs are written atomically and never overwritten without --force. */
const FIXTURE = path.resolve(__dirname, '../../fixtures/token-project.zip');

async function listAll(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    for (const e of await fs.readdir(d, { withFileTypes: true }).catch(() => [])) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else out.push(path.relative(dir, full));
    }
  };
  await walk(dir);
  return out.sort();
}

describe('atomic outputs', () => {
  it('writes through temporary files and leaves none behind', async () => {
    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'dx-atomic-'));
    const { code } = await cli('convert', FIXTURE, '--to', 'DATASAUR_SCHEMA,JSON_ADVANCED', '--out', out, '--cabinet', 'all');
    expect(code).toBe(0);
    const files = await listAll(out);
    expect(files).toHaveLength(6);
    expect(files.some((f) => path.basename(f).startsWith('.tmp-'))).toBe(false);
  });

  it('refuses to overwrite an existing output without --force, and changes nothing', async () => {
    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'dx-force-'));
    const target = path.join(out, 'DATASAUR_SCHEMA', 'Fixture token _NER_-FxTok3n01', 'REVIEW', 'curie.txt.json');
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, 'keep me');
    const refused = await cli('convert', FIXTURE, '--to', 'JSON_ADVANCED,DATASAUR_SCHEMA', '--out', out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/curie\.txt\.json: the output file already exists\. Pass --force/);
    expect(await fs.readFile(target, 'utf8')).toBe('keep me');
    // Nothing of the refused run was committed: the JSON_ADVANCED file staged before the clash is gone too.
    expect(await listAll(out)).toEqual([path.relative(out, target)]);
    const forced = await cli('convert', FIXTURE, '--to', 'DATASAUR_SCHEMA', '--out', out, '--force');
    expect(forced.code).toBe(0);
    expect(await fs.readFile(target, 'utf8')).toMatch(/^\{"version":"1","data":/);
  });

  it('--strict with warnings writes nothing and exits 1', async () => {
    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'dx-strict-'));
    // JSON_ADVANCED from a DATASAUR_SCHEMA input reports missing timestamps (info): strict passes.
    const ok = await cli('convert', FIXTURE, '--to', 'JSON_ADVANCED', '--out', out, '--strict');
    expect(ok.code).toBe(0);
    const bbox = path.resolve(__dirname, '../../../shared/samples/bbox-datasaur-schema/bbox-export.zip');
    const out2 = await fs.mkdtemp(path.join(os.tmpdir(), 'dx-strict2-'));
    // Bounding boxes cannot go to CSV: a warning, which --strict turns into an error.
    const strict = await cli('convert', bbox, '--to', 'DATASAUR_SCHEMA,CSV', '--out', out2, '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/no output written \(--strict/);
    expect(strict.stderr).toMatch(/^error BoundingBoxNotRepresented/m);
    expect(await listAll(out2)).toEqual([]);
    // Not even the folders of the discarded run remain.
    expect(await fs.readdir(out2)).toEqual([]);
  });
});

describe('--combine', () => {
  it('writes the project file beside the per-document files without repeating report messages', async () => {
    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'dx-combine-'));
    const report = path.join(out, 'report.json');
    const plain = await cli('convert', FIXTURE, '--to', 'AMAZON_COMPREHEND_CSV', '--out', path.join(out, 'a'), '--report', report);
    const single = JSON.parse(await fs.readFile(report, 'utf8')).messages.length;
    const combined = await cli('convert', FIXTURE, '--to', 'AMAZON_COMPREHEND_CSV', '--out', path.join(out, 'b'), '--report', report, '--combine');
    expect([plain.code, combined.code]).toEqual([0, 0]);
    const messages = JSON.parse(await fs.readFile(report, 'utf8')).messages;
    expect(messages.length).toBeLessThanOrEqual(single + 2);
    expect((await listAll(path.join(out, 'b'))).length).toBeGreaterThan((await listAll(path.join(out, 'a'))).length);
  });
});
