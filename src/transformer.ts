/**
 * `datasaur-export/transformer`: the types an export transformer sees, as globals, the way the
 * server's editor provides them. The vendor's template and samples use `Exportable`, `Cell`,
 * `SimpleLabel`, `LabelSet` and `LabelItem` without importing them; to type-check and auto-complete
 * such a file at home, reference this module once (in the file, or `"types"` in tsconfig.json):
 *
 * ```ts
 * /// <reference types="datasaur-export/transformer" />
 * (document: Exportable): string => document.cells.map((cell) => cell.content).join('\n');
 * ```
 *
 * A transformer can also `import type { Exportable } from 'datasaur-export'` and
 * `export default` its function; the server's form (a file ending with the function) works the same.
 */
import type * as Types from './core/formats/custom/exportable.js';

declare global {
  type Exportable = Types.Exportable;
  type Cell = Types.Cell;
  type CellMetadata = Types.CellMetadata;
  type SimpleLabel = Types.SimpleLabel;
  type LabelType = Types.LabelType;
  type LabelSet = Types.LabelSet;
  type LabelItem = Types.LabelItem;
  type ExportTransformer = Types.ExportTransformer;
}

export type { Exportable, Cell, CellMetadata, SimpleLabel, LabelType, LabelSet, LabelItem, ExportTransformer } from './core/formats/custom/exportable.js';
