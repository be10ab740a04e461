import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConvertOptions } from '../../src/core/formats/options.js';
import type { ConversionMessage } from '../../src/core/report/report.js';
import { tokenDocumentArb } from './arbitraries/token-document.js';
import { HEAVY_RUNS, PROPERTY_TIMEOUT, propertyParams } from './config.js';
import { runWriter, tokenWriters, withoutSource } from './run-writer.js';
import { readServerText, serverText } from './server-text.js';

/**
 * Property 2: one project exported twice by the server, as DATASAUR_SCHEMA and as JSON_ADVANCED,
 * converts to the same bytes and the same report in every other format. The two server formats
 * themselves are left out as targets: writing X from an X export reproduces the source file's own
 * key order and fields (that is property 1), so they legitimately differ by source.
 */
export const OPTION_SETS: Array<Partial<ConvertOptions>> = [
  {},
  { overlap: 'longest', scheme: 'IOBES', offsets: 'utf16', includeConflicts: true },
  { overlap: 'columns', scheme: 'BILOU', offsets: 'grapheme', labelSet: 1, escapeFormulas: true, bom: true },
  { overlap: 'error', scheme: 'IOB1', labelSet: 0, mlUse: 'training', pdf: { pageSize: 'LETTER', orientation: 'landscape', fontSize: 8, arrows: false } },
];

function sortedMessages(messages: ConversionMessage[]): string[] {
  return messages.map((m) => JSON.stringify(canonical(withoutSource(m)))).sort();
}

/** Keys sorted at every level, so equal messages print equally. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  return value;
}

const SERVER_FORMATS = new Set(['DATASAUR_SCHEMA', 'JSON_ADVANCED']);

describe('property 2: the DATASAUR_SCHEMA and JSON_ADVANCED exports of one project convert alike', { timeout: PROPERTY_TIMEOUT }, () => {
  it('every registered token writer × option set gives identical bytes and identical messages', async () => {
    const targets = tokenWriters().filter((w) => !SERVER_FORMATS.has(w.name));
    expect(targets.length).toBeGreaterThanOrEqual(7);
    await fc.assert(
      fc.asyncProperty(tokenDocumentArb, fc.constantFrom(...OPTION_SETS), async (model, options) => {
        const fromSchema = readServerText(serverText(model, 'DATASAUR_SCHEMA'), model);
        const fromAdvanced = readServerText(serverText(model, 'JSON_ADVANCED'), model);
        // JSON_ADVANCED names its document only inside labels (`documentId`); a file without labels
        // cannot carry the id, so the reader falls back to the file name. That is the one field of
        // the model that names the source here; the PDF header prints it, so align it.
        if (fromAdvanced.spans.length + fromAdvanced.arrows.length + fromAdvanced.timestamps.length === 0) {
          expect(fromAdvanced.id).toBe(model.name);
          fromAdvanced.id = fromSchema.id;
        }
        for (const writer of targets) {
          const a = await runWriter(writer, fromSchema, options);
          const b = await runWriter(writer, fromAdvanced, options);
          expect(b.error, `${writer.name}: error`).toBe(a.error);
          expect(b.files?.map((f) => f.name), `${writer.name}: file names`).toEqual(a.files?.map((f) => f.name));
          (a.files ?? []).forEach((file, n) => {
            expect(b.files![n].text, `${writer.name}: ${file.name}`).toBe(file.text);
            expect(b.files![n].bytes.equals(file.bytes), `${writer.name}: ${file.name} bytes`).toBe(true);
          });
          // Same messages; their order follows each file's span order (JSON_ADVANCED lists spans
          // sorted by position, DATASAUR_SCHEMA in labelling order), so compare them as a multiset.
          expect(sortedMessages(b.messages), `${writer.name}: report`).toEqual(sortedMessages(a.messages));
        }
      }),
      // Each run writes 8 formats x 2 exports including two PDFs: fewer runs than the cheaper properties.
      propertyParams(Math.round(HEAVY_RUNS * 0.6)),
    );
  });
});
