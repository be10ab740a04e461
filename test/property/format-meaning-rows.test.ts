import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findWriter } from '../../src/core/formats/registry.js';
import { lintAzureClassifier } from '../../src/core/formats/validate/azure-classifier.js';
import { lintComprehendClassifier } from '../../src/core/formats/validate/comprehend-classifier.js';
import { lintVertexClassifier } from '../../src/core/formats/validate/vertex-classifier.js';
import type { LintResult } from '../../src/core/formats/validate/types.js';
import { rowDocumentArb } from './arbitraries/row-document.js';
import { HEAVY_RUNS, PROPERTY_TIMEOUT, propertyParams } from './config.js';
import { readTable } from './read-table.js';
import { runWriter } from './run-writer.js';

/**
 * Property 4 for row projects: CSV, TSV, JSON_TABULAR and XLSX, each read back with its own parser,
 * hold the same table, whose first columns are the input's cells wherever no answer is bound; and
 * the classifier validators accept every classifier file that holds an example.
 */
const VALIDATORS: Record<string, (text: string) => LintResult> = {
  AMAZON_COMPREHEND_CSV: lintComprehendClassifier,
  AZURE_AUTOML_CSV: lintAzureClassifier,
  GCP_VERTEX_AI_CSV: lintVertexClassifier,
};

describe('property 4: row outputs mean what their format says', { timeout: PROPERTY_TIMEOUT }, () => {
  it('CSV, TSV, JSON_TABULAR and XLSX read back to the same table, holding the input cells', async () => {
    await fc.assert(
      fc.asyncProperty(rowDocumentArb, async (doc) => {
        const tables: Record<string, string[][]> = {};
        for (const name of ['CSV', 'TSV', 'JSON_TABULAR', 'XLSX']) tables[name] = await readTable(name, (await runWriter(findWriter(name)!, doc)).files![0]);
        const [header, ...rows] = tables.CSV;
        expect(rows).toHaveLength(doc.rows.length);
        expect(tables.TSV).toEqual(tables.CSV);
        // Excel keeps no CR (the writer writes CR as LF and says so).
        const lf = (t: string[][]) => t.map((r) => r.map((c) => c.replace(/\r\n?/g, '\n')));
        expect(lf(tables.XLSX)).toEqual(lf(tables.CSV));
        // JSON_TABULAR keys are unique column names (duplicates suffixed); the values are the same.
        if (doc.rows.length) expect(tables.JSON_TABULAR.slice(1)).toEqual(rows);
        const bound = new Set([...doc.rowQuestions, ...doc.documentQuestions].map((q) => q.bindToColumn));
        doc.columns.forEach((column, c) => {
          expect(header[c]).toBe(column.name);
          if (!bound.has(column.name)) doc.rows.forEach((row, r) => expect(rows[r][c], `row ${r} column ${c}`).toBe(row.cells[c]?.content ?? ''));
        });
      }),
      propertyParams(HEAVY_RUNS),
    );
  });

  it('the classifier validators accept every Comprehend, Azure and Vertex classifier file that holds an example', async () => {
    await fc.assert(
      fc.asyncProperty(rowDocumentArb, async (doc) => {
        for (const [name, lint] of Object.entries(VALIDATORS)) {
          const run = await runWriter(findWriter(name)!, doc, { mlUse: 'training' });
          expect(run.error, name).toBeUndefined();
          const text = run.files?.[0]?.text ?? '';
          const errors = text === '' ? [{ rule: 'empty' }] : lint(text).issues.filter((i) => i.severity === 'error');
          if (errors.length === 1 && /empty$/.test(errors[0].rule)) {
            // No example to train on (no row has both a label and text): the target refuses the file, and the
            // report must say why.
            expect(run.messages.some((m) => ['FormatNotApplicable', 'RowWithoutLabelSkipped', 'AnswerNotRepresented'].includes(m.kind)), `${name}: no example and no reason`).toBe(true);
            continue;
          }
          expect(errors, `${name} validator`).toEqual([]);
        }
      }),
      propertyParams(HEAVY_RUNS),
    );
  });
});
