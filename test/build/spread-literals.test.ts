import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './import-graph.js';

const SRC = path.resolve(__dirname, '../../src');

/**
 * Object literals that V8 (Node 20) builds slowly: one that starts with a spread and goes on
 * (`{ ...a, key: v }`, `{ ...a, ...b }`) clones the spread object and then defines every further
 * member through a runtime call, 2–3 µs each. The document literal of the DATASAUR_SCHEMA reader
 * (a spread and 20 members) cost 44 µs per document, more than parsing a small one. A literal
 * that starts with a member (`{ key: v, ...a, other: w }`) or `Object.assign({}, a, { key: v })`
 * costs well under a microsecond (issue 15). The converter's code (src/core, src/node) is kept
 * free of the slow shape.
 */
function slowLiterals(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isObjectLiteralExpression(node)) {
      if (node.properties.length > 1 && ts.isSpreadAssignment(node.properties[0])) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push(`${path.relative(SRC, file).split(path.sep).join('/')}:${line + 1}: ${node.getText(source).replace(/\s+/g, ' ').slice(0, 80)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('object literals the converter builds per document are fast in V8', () => {
  it('no object literal in src/core or src/node starts with a spread and goes on (use Object.assign, or put a member first)', () => {
    const files = [...sourceFiles(path.join(SRC, 'core')), ...sourceFiles(path.join(SRC, 'node'))];
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap(slowLiterals)).toEqual([]);
  });

  it('finds the slow shapes (the check can fail)', () => {
    const probe = path.join(__dirname, 'fixtures-spread', 'slow.ts');
    expect(slowLiterals(probe).map((line) => line.replace(/^.*:(\d+): /, '$1: '))).toEqual(['1: { ...a, key: 1 }', '2: { ...a, ...b }']);
  });
});
