import { describe, expect, it } from 'vitest';
import type { ConvertOptions } from '../../../src/core/formats/options.js';
import { richTokenDocument } from './fixture.js';
import { PIECES_VISIBLE, SPLITS_AT_ROWS, TAGGED, accountSpans } from './accounting.js';
import { TOKEN_WRITERS, write } from './writers.js';

describe('token formats lose nothing silently (rich fixture)', () => {
  for (const format of Object.keys(TOKEN_WRITERS)) {
    for (const overlap of ['first', 'longest', 'columns', 'error'] as ConvertOptions['overlap'][]) {
      it(`${format} --overlap ${overlap}: every span is written or named in the report`, async () => {
        const doc = richTokenDocument();
        const result = await write(format, doc, { overlap });
        const account = accountSpans(format, doc, result, SPLITS_AT_ROWS.has(format));
        expect(account.leftOut).toBeLessThanOrEqual(account.input);
        if (PIECES_VISIBLE.has(format)) expect(account.writtenPieces).toBe(account.expectedPieces);
        if (TAGGED.has(format)) expect(account.writtenTokens).toBe(account.expectedTokens);
        if (format === 'PLAIN') expect(account.leftOut).toBe(account.input);
      });
    }
  }
});
