import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { tokenDocument, type SpanInput } from '../../../src/core/model/build.js';
import type { ConvertOptions } from '../../../src/core/formats/options.js';
import { lintAzureConll, lintComprehendCsv, lintVertexJsonl } from '../../../src/core/formats/validate/index.js';
import { PIECES_VISIBLE, SPLITS_AT_ROWS, TAGGED, accountSpans } from './accounting.js';
import { TOKEN_WRITERS, write } from './writers.js';

const WORDS = ['a', 'bé', '🧮', 'x\u0301y', 'Zoë', 'long-word', '👩‍💻', 'q'];
const LABELS = [['PER', 'Loc ation', 'org'], ['Topic A', 'B']];

/** Random token documents: overlaps, char-level and cross-row spans, every status and origin. */
const documentArb = fc
  .array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 })
  .chain((rows) => {
    const position = fc.integer({ min: 0, max: rows.length - 1 }).chain((row) =>
      fc.integer({ min: 0, max: rows[row].length - 1 }).map((token) => [row, token] as [number, number]),
    );
    const spanArb = fc
      .record({
        a: position,
        b: position,
        layer: fc.integer({ min: 0, max: 1 }),
        label: fc.nat(),
        charLevel: fc.boolean(),
        status: fc.constantFrom('LABELED', 'ACCEPTED', 'REJECTED' as const),
        conflict: fc.boolean(),
      })
      .map(({ a, b, layer, label, charLevel, status, conflict }): SpanInput => {
        const [start, end] = a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]) ? [a, b] : [b, a];
        const names = LABELS[layer];
        const span: SpanInput = { layer, label: names[label % names.length], start, end, status, labeledBy: conflict ? 'CONFLICT' : 'LABELER' };
        if (charLevel && rows[end[0]][end[1]].length > 1) span.end = [end[0], end[1], 0];
        return span;
      });
    return fc.record({ rows: fc.constant(rows), spans: fc.array(spanArb, { maxLength: 8 }) });
  })
  .map(({ rows, spans }) => tokenDocument({ rows, labelSets: LABELS, spans: spans.map((s, i) => ({ ...s, id: `r${i}` })) }));

describe('property: on random documents every span is written or named, and cloud outputs pass their validators', () => {
  for (const format of Object.keys(TOKEN_WRITERS)) {
    it(format, async () => {
      await fc.assert(
        fc.asyncProperty(documentArb, fc.constantFrom<ConvertOptions['overlap']>('first', 'longest', 'columns', 'error'), fc.boolean(), async (doc, overlap, includeConflicts) => {
          const result = await write(format, doc, { overlap, includeConflicts });
          const account = accountSpans(format, doc, result, SPLITS_AT_ROWS.has(format));
          if (PIECES_VISIBLE.has(format)) expect(account.writtenPieces).toBe(account.expectedPieces);
          if (TAGGED.has(format)) expect(account.writtenTokens).toBe(account.expectedTokens);
          const errors = (issues: Array<{ severity: string }>) => issues.filter((i) => i.severity === 'error');
          if (format === 'AZURE_AUTOML_CSV') expect(errors(lintAzureConll(result.files[0].text).issues)).toEqual([]);
          if (format === 'AMAZON_COMPREHEND_CSV') {
            const texts = new Map([[result.files[1].name, result.files[1].text]]);
            expect(errors(lintComprehendCsv(result.files[0].text, { texts }).issues)).toEqual([]);
          }
          if (format === 'GCP_VERTEX_AI_CSV') expect(errors(lintVertexJsonl(result.files[0].text).issues)).toEqual([]);
        }),
        { numRuns: 150 },
      );
    });
  }
});
