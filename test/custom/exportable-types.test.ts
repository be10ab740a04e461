import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { TEMPLATE, TRANSFORMERS } from './helpers.js';

/**
 * The exported `Exportable` types (`datasaur-export/transformer`, src/transformer.ts, as globals
 * the way the server's editor provides them) compile the vendor's documented code unchanged: the
 * template and the Google AutoML sample's helpers, as the "Export Transformer" page prints them.
 * The page's sample continues with a JSON pretty-printer and the function that assembles the
 * result; those use no `Exportable` field beyond the ones below. Our rewrite
 * (fixtures/transformers/automl-entities.ts, outside tsconfig's files) is type-checked here too.
 */
const DOCUMENTED_SAMPLE = `function getCellMap(cells: Cell[]) {
  const cellMap = new Map<number, Cell>();
  cells.forEach(cell => {
    cellMap.set(cell.line, cell);
  })
  return cellMap;
}

function getLabelSetMap(labelSets: LabelSet[]) {
  const labelSetMap = new Map<string, LabelItem>();
  labelSets.forEach(labelSet => {
    labelSet.labelItems.forEach(labelItem => {
      labelSetMap.set(labelItem.id, labelItem);
    })
  });
  return labelSetMap;
}

function convertOffset(label: SimpleLabel, cell: Cell) {
  const offset = { "end_offset": 0, "start_offset": 0 };

  const startTokenIndex = label.startTokenIndex;
  const endTokenIndex = label.endTokenIndex;
  const startCharIndex = label.startCharIndex;
  const endCharIndex = label.endCharIndex;

  let offsetCounter = 0;
  for (let i = 0; i <= endTokenIndex; i++) {
    if (i == startTokenIndex) {
      offset.start_offset = offsetCounter + startCharIndex;
    }
    if (i == endTokenIndex) {
      offset.end_offset = offsetCounter + endCharIndex + 1;
      break
    }
    offsetCounter = offsetCounter + cell.tokens[i].length + 1;
  }
  return offset;
}
`;

const TYPES = path.resolve(__dirname, '../../src/transformer.ts');

/** Type errors of `source` compiled as a transformer file with our types (strict, as `tsc --strict`). */
function typeErrors(source: string): string[] {
  const file = path.resolve(__dirname, '__transformer__.ts');
  const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: [], skipLibCheck: true };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (name) => (path.resolve(name) === file ? source : read(name));
  const exists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === file || exists(name);
  const program = ts.createProgram([TYPES, file], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? path.basename(d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe('the exported Exportable types', () => {
  it('compile the documented template and AutoML sample unchanged, with --strict', () => {
    expect(typeErrors(`${TEMPLATE}\n${DOCUMENTED_SAMPLE}`)).toEqual([]);
  }, 60_000);

  it('type-check our rewrite of the AutoML sample (the demo transformer), with --strict', () => {
    expect(typeErrors(readFileSync(path.join(TRANSFORMERS, 'automl-entities.ts'), 'utf8'))).toEqual([]);
  }, 60_000);

  it('catch what the server would not: a misspelled field, a wrong type', () => {
    const errors = typeErrors(`(document: Exportable): string => document.labels.map((l) => l.startTokenIdx + l.labelSetItemId.length).join(',');\n`);
    expect(errors.join('\n')).toMatch(/Property 'startTokenIdx' does not exist on type 'SimpleLabel'/);
    expect(errors.join('\n')).toMatch(/'l.labelSetItemId' is possibly 'null'/);
  }, 60_000);
});
