import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { convertExport } from '../../src/core/convert.js';

/**
 * A project-data.json past the per-file limit stopped the run (its read threw the limit error
 * while the input was opened); like a document too large, it is named and the documents beside it
 * are converted, the project named from its folder.
 */
const FIXTURE = path.resolve(__dirname, '../../fixtures/token-project/REVIEW/curie.txt.json');

describe('a project-data.json too large to read', () => {
  it('is named (InputFileIgnored, a warning) and the documents convert', async () => {
    const projectData = JSON.stringify({ project: { id: 'X1', title: 'Titled', padding: 'x'.repeat(20_000) } });
    const zip = zipSync({ 'P-1/project-data.json': strToU8(projectData), 'P-1/REVIEW/curie.txt.json': readFileSync(FIXTURE) });
    const run = convertExport(zip, { name: 'e.zip', to: ['TSV_IOB'], limits: { maxEntryBytes: 10_000 } });
    const files: string[] = [];
    for await (const file of run) files.push(file.path);
    expect(files).toEqual(['TSV_IOB/P-1/REVIEW/curie.txt.tsv']);
    expect(run.documents).toEqual({ converted: 1, skipped: 0 });
    const ignored = run.report.all().filter((m) => m.kind === 'InputFileIgnored');
    expect(ignored).toEqual([expect.objectContaining({ severity: 'warning', text: expect.stringMatching(/1 file\(s\) not read: larger than one file may be in this process .*: e\.zip!P-1\/project-data\.json/) })]);
  });
});
