import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderReportText } from '../../../src/core/report/render.js';
import type { ConvertOptions } from '../../../src/core/formats/options.js';
import { richTokenDocument } from './fixture.js';
import { TOKEN_WRITERS, write } from './writers.js';

/**
 * Golden files: every token format × every overlap policy (and every IOB scheme) on the rich
 * fixture, outputs and the text report. `UPDATE_GOLDEN=1 npx vitest run test/formats/token` rewrites
 * them; review the diff before committing. A missing golden file fails the test.
 */
const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const update = process.env.UPDATE_GOLDEN === '1';
const POLICIES: ConvertOptions['overlap'][] = ['first', 'longest', 'columns', 'error'];

const variants: Array<{ format: string; variant: string; options: Partial<ConvertOptions> }> = [];
for (const format of Object.keys(TOKEN_WRITERS)) {
  for (const overlap of POLICIES) variants.push({ format, variant: overlap, options: { overlap } });
}
for (const scheme of ['IOB1', 'IOBES', 'BILOU'] as const) {
  variants.push({ format: 'TSV_IOB', variant: `first-${scheme}`, options: { overlap: 'first', scheme } });
  variants.push({ format: 'TSV_IOB', variant: `columns-${scheme}`, options: { overlap: 'columns', scheme } });
}
variants.push({ format: 'AMAZON_COMPREHEND_CSV', variant: 'first-label-set-Topic', options: { labelSet: 'Topic' } });
variants.push({ format: 'GCP_VERTEX_AI_CSV', variant: 'first-utf16-ml-use', options: { offsets: 'utf16', mlUse: 'training' } });
variants.push({ format: 'CSV', variant: 'include-conflicts-grapheme', options: { includeConflicts: true, offsets: 'grapheme' } });

describe('token formats: golden files of the rich fixture', () => {
  for (const { format, variant, options } of variants) {
    it(`${format} ${variant}`, async () => {
      const { files, report } = await write(format, richTokenDocument(), options);
      const dir = join(GOLDEN, format, variant);
      const produced = new Map(files.map((f) => [f.name, f.text]));
      produced.set('report.txt', renderReportText(report.messages));
      if (update) {
        mkdirSync(dir, { recursive: true });
        for (const [name, text] of produced) writeFileSync(join(dir, name), text);
      }
      expect(existsSync(dir), `golden folder ${dir} (run with UPDATE_GOLDEN=1 once)`).toBe(true);
      expect(readdirSync(dir).sort()).toEqual([...produced.keys()].sort());
      for (const [name, text] of produced) expect(text, `${format}/${variant}/${name}`).toBe(readFileSync(join(dir, name), 'utf8'));
    });
  }
});
