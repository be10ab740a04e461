import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../../../src/core/formats/options.js';
import { prepareSpans, type TargetRules } from '../../../src/core/formats/token/prepare.js';
import { documentText } from '../../../src/core/formats/token/text.js';
import { Report } from '../../../src/core/report/report.js';
import { richTokenDocument } from './fixture.js';
import { TOKEN_WRITERS, TEST_OPTIONS, write } from './writers.js';

const TAGGED: TargetRules = { widen: true, crossRow: 'split', labelSets: 'all', overlaps: 'policy', columns: true };

/** Issue 15 item 1: one document feeds every writer; what they share is computed once. */
describe('shared preparation of a document for many token formats', () => {
  it('prepares once per rule set and option choice, and each format still reports every change', () => {
    const doc = richTokenDocument();
    const options = resolveOptions(TEST_OPTIONS);
    const first = new Report();
    const second = new Report();
    const tiers = prepareSpans(doc, { options, report: first }, TAGGED);
    expect(prepareSpans(doc, { options, report: second }, TAGGED)).toBe(tiers);
    expect(first.all().length).toBeGreaterThan(0);
    expect(second.all()).toEqual(first.all());
    // Other rules or another overlap policy are another preparation.
    expect(prepareSpans(doc, { options, report: new Report() }, { ...TAGGED, widen: false })).not.toBe(tiers);
    expect(prepareSpans(doc, { options: resolveOptions({ ...TEST_OPTIONS, overlap: 'longest' }), report: new Report() }, TAGGED)).not.toBe(tiers);
    expect(documentText(doc)).toBe(documentText(doc));
  });

  it('gives every format the files and messages it gives when it is the only one (no golden moves)', async () => {
    const shared = richTokenDocument();
    for (const options of [{}, { overlap: 'longest' as const }, { labelSet: 1, includeConflicts: true }, { offsets: 'grapheme' as const }]) {
      for (const format of Object.keys(TOKEN_WRITERS)) {
        const alone = await write(format, richTokenDocument(), options);
        const together = await write(format, shared, options);
        expect(together.files, `${format} ${JSON.stringify(options)}`).toEqual(alone.files);
        expect(together.report.all(), `${format} ${JSON.stringify(options)}`).toEqual(alone.report.all());
      }
    }
  });
});
