import fc from 'fast-check';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { convert } from '../../src/node/convert.js';
import type { ConvertOptions } from '../../src/core/formats/options.js';
import type { Document } from '../../src/core/model/types.js';
import type { ConversionMessage } from '../../src/core/report/report.js';
import { tokenDocumentArb } from './arbitraries/token-document.js';
import { propertyParams, PROPERTY_TIMEOUT } from './config.js';
import { BASE_OPTIONS, tokenWriters, withoutSource } from './run-writer.js';
import { serverText, type ServerFormat } from './server-text.js';

/**
 * Property 2 through the whole pipeline: a project of one to three documents saved in the export
 * layout (`<project folder>/REVIEW/<document>.json`) once as DATASAUR_SCHEMA and once as
 * JSON_ADVANCED; `convert` on each gives the same output tree, byte for byte, and the same report
 * (as a multiset, without the source file paths), also with `--combine`. The PDF is left out to
 * keep the run short (the writer-level property covers it); the server formats are left out as
 * targets (they reproduce their own source).
 */
const projectArb = fc.array(tokenDocumentArb, { minLength: 1, maxLength: 3 }).map((docs) =>
  docs.map((doc, i): Document => {
    // One project of distinct documents.
    return { ...doc, id: `doc-${i + 1}`, name: `story-${i + 1}.txt` };
  }),
);

const optionsArb = fc.record({
  overlap: fc.constantFrom<ConvertOptions['overlap']>('first', 'longest', 'columns', 'error'),
  scheme: fc.constantFrom<ConvertOptions['scheme']>('IOB2', 'IOB1', 'IOBES', 'BILOU'),
  offsets: fc.constantFrom<ConvertOptions['offsets']>('codepoint', 'utf16', 'grapheme'),
  includeConflicts: fc.boolean(),
  combine: fc.boolean(),
});

const roots: string[] = [];
afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

async function saveProject(root: string, docs: Document[], format: ServerFormat): Promise<string> {
  const input = path.join(root, `in-${format}`);
  for (const doc of docs) {
    const folder = path.join(input, doc.project.folder, doc.cabinet.folder);
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, `${doc.name}.json`), serverText(doc, format));
  }
  return input;
}

async function tree(dir: string, base = dir, out = new Map<string, Buffer>()): Promise<Map<string, Buffer>> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await tree(full, base, out);
    else out.set(path.relative(base, full), await readFile(full));
  }
  return out;
}

const messages = (list: readonly ConversionMessage[]) => list.map((m) => JSON.stringify(canonical(withoutSource(m)))).sort();
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  return value;
}

describe('property 2 (pipeline): convert() of the two server exports of one project agree', { timeout: PROPERTY_TIMEOUT }, () => {
  it('same output tree, same bytes, same report, for every token format (with and without --combine)', async () => {
    const formats = tokenWriters().map((w) => w.name).filter((n) => !['DATASAUR_SCHEMA', 'JSON_ADVANCED', 'SPAN_AND_ARROW_VISUALIZATION'].includes(n));
    await fc.assert(
      fc.asyncProperty(projectArb, optionsArb, async (docs, options) => {
        const root = await mkdtemp(path.join(tmpdir(), 'property-convert-'));
        roots.push(root);
        const results = [];
        for (const format of ['DATASAUR_SCHEMA', 'JSON_ADVANCED'] as ServerFormat[]) {
          const input = await saveProject(root, docs, format);
          const outDir = path.join(root, `out-${format}`);
          const result = await convert({ input, to: formats, outDir, options: { ...BASE_OPTIONS, ...options } });
          results.push({ result, files: await tree(outDir) });
        }
        const [schema, advanced] = results;
        expect(schema.files.size, 'files written').toBeGreaterThanOrEqual(docs.length * formats.length);
        expect([...advanced.files.keys()].sort()).toEqual([...schema.files.keys()].sort());
        for (const [name, bytes] of schema.files) expect(advanced.files.get(name)!.toString('utf8'), name).toBe(bytes.toString('utf8'));
        expect(advanced.result.exitCode).toBe(schema.result.exitCode);
        // Reader messages (UnknownField etc.) describe the source file; writer messages must agree.
        const written = (list: readonly ConversionMessage[]) => messages(list.filter((m) => m.format !== undefined));
        expect(written(advanced.result.report.all())).toEqual(written(schema.result.report.all()));
      }),
      propertyParams(40),
    );
  });
});
