import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInputError } from '../../src/core/errors.js';
import '../../src/core/read/register-readers.js';
import { parseDocumentText } from '../../src/core/read/index.js';
import { findWriter } from '../../src/core/formats/registry.js';
import { Report } from '../../src/core/report/report.js';
import type { Document } from '../../src/core/model/types.js';
import { tokenDocumentArb } from './arbitraries/token-document.js';
import { rowDocumentArb } from './arbitraries/row-document.js';
import { applyEdits, damage, jsonEditArb, textDamageArb } from './arbitraries/mutation.js';
import { HEAVY_RUNS, LIGHT_RUNS, propertyParams, PROPERTY_TIMEOUT } from './config.js';
import { runWriter, writersFor } from './run-writer.js';
import { serverText, type ServerFormat } from './server-text.js';

/**
 * Property 5: damaged server files (JSON edits with wrong types, huge or negative numbers, positions
 * out of range, deleted and duplicated entries, unknown keys; truncation; stray characters) either
 * stop with the typed InputError or read into a document (with report messages), quickly; and a
 * document that reads converts in every registered format without any other exception.
 */
const documentArb = fc.oneof(
  tokenDocumentArb.map((doc) => ({ doc, format: 'DATASAUR_SCHEMA' as ServerFormat })),
  tokenDocumentArb.map((doc) => ({ doc, format: 'JSON_ADVANCED' as ServerFormat })),
  rowDocumentArb.map((doc) => ({ doc, format: 'DATASAUR_SCHEMA' as ServerFormat })),
);

/** Parses; anything thrown other than an InputError fails the property. Also bounds the time. */
function parseOrInputError(text: string, like: Document, extension = '.json'): Document | null {
  const started = performance.now();
  try {
    return parseDocumentText(text, { file: `${like.name}${extension}`, documentName: like.name, project: like.project, cabinet: like.cabinet, report: new Report() });
  } catch (error) {
    if (isInputError(error)) {
      expect(error.toUserMessage()).toMatch(/^error \[[A-Z_]+\] /);
      return null;
    }
    throw error;
  } finally {
    expect(performance.now() - started, 'parse time (ms)').toBeLessThan(2000);
  }
}

describe('property 5: damaged inputs give a typed error or a report, never a crash or a hang', { timeout: PROPERTY_TIMEOUT }, () => {
  it('reading: JSON edits, truncation and stray characters', () => {
    fc.assert(
      fc.property(documentArb, fc.array(jsonEditArb, { minLength: 1, maxLength: 4 }), textDamageArb, ({ doc, format }, edits, hurt) => {
        parseOrInputError(damage(applyEdits(serverText(doc, format), edits), hurt), doc);
      }),
      propertyParams(LIGHT_RUNS * 2),
    );
  });

  it('reading: damaged TSV_IOB and CSV exports (the other inputs parseDocumentText takes)', async () => {
    const tsvDamage = fc.oneof(
      textDamageArb,
      fc.record({ kind: fc.constant('replaceChar' as const), at: fc.nat(), char: fc.constantFrom('\t', '\n', '\r', '"', '\t\t', 'B-', '-') }),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(tokenDocumentArb, rowDocumentArb), fc.array(tsvDamage, { minLength: 1, maxLength: 3 }), async (doc, hurts) => {
        const token = doc.kinds.includes('TOKEN_BASED');
        const run = await runWriter(findWriter(token ? 'TSV_IOB' : 'CSV')!, doc);
        const text = hurts.reduce(damage, run.files![0].text);
        const read = parseOrInputError(text, doc, token ? '.tsv' : '.csv');
        if (read) for (const writer of writersFor(read).filter((w) => w.name !== 'SPAN_AND_ARROW_VISUALIZATION')) await runWriter(writer, read);
      }),
      propertyParams(HEAVY_RUNS),
    );
  });

  it('converting: a damaged file that still reads converts in every registered format, or stops with an InputError', async () => {
    await fc.assert(
      fc.asyncProperty(documentArb, fc.array(jsonEditArb, { minLength: 1, maxLength: 3 }), async ({ doc, format }, edits) => {
        const read = parseOrInputError(applyEdits(serverText(doc, format), edits), doc);
        if (!read) return;
        for (const writer of writersFor(read).filter((w) => w.name !== 'SPAN_AND_ARROW_VISUALIZATION')) {
          // runWriter rethrows anything that is not an InputError.
          await runWriter(writer, read);
        }
      }),
      propertyParams(HEAVY_RUNS),
    );
  });
});
