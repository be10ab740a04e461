import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCycles, sourceFiles } from './import-graph.js';

const SRC = path.resolve(__dirname, '../../src');
const relative = (file: string) => path.relative(SRC, file).split(path.sep).join('/');

describe('the import graph of src/', () => {
  it('has no cycle (type-only imports count: they tie the modules together all the same)', () => {
    expect(findCycles(sourceFiles(SRC)).map((cycle) => cycle.map(relative).join(' → '))).toEqual([]);
  });

  it('a cycle is found when there is one', () => {
    const files = ['a.ts', 'b.ts', 'c.ts'].map((f) => path.join(__dirname, 'fixtures-cycle', f));
    expect(findCycles(files).map((cycle) => cycle.map((f) => path.basename(f)))).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });
});
