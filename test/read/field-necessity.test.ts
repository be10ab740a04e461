import { describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { FIELD_RULES, fieldTableMarkdown, ruleOf } from '../../src/core/read/field-necessity.js';

/** Issue 11 item 1: the field-necessity table in docs/formats.md is the one the readers follow. */
describe('field necessity table', () => {
  it('docs/formats.md holds the DATASAUR_SCHEMA and JSON_ADVANCED tables exactly as the readers define them', async () => {
    const docs = await fs.readFile(path.resolve(__dirname, '../../docs/formats.md'), 'utf8');
    for (const format of ['DATASAUR_SCHEMA', 'JSON_ADVANCED'] as const) expect(docs).toContain(`${format}:\n\n${fieldTableMarkdown(format)}\n`);
  });

  it('names each path once, and classes every one', () => {
    for (const rules of Object.values(FIELD_RULES)) {
      const paths = rules.map((r) => r.path);
      expect(new Set(paths).size).toBe(paths.length);
      for (const rule of rules) expect(['needed', 'defaultable', 'carried']).toContain(rule.class);
    }
    expect(ruleOf('DATASAUR_SCHEMA', '$.data.spanLabels[12].status')).toMatchObject({ class: 'defaultable' });
    expect(ruleOf('JSON_ADVANCED', '$.labels[0].startCellLine')).toMatchObject({ class: 'needed' });
  });
});
