import { describe, expect, it } from 'vitest';
import { findWriter, writersForKinds } from '../../../src/core/formats/registry.js';
import { resolveOptions } from '../../../src/core/formats/options.js';
import { Report } from '../../../src/core/report/report.js';
import { richTokenDocument } from './fixture.js';
import { TEST_OPTIONS, TOKEN_WRITERS, write } from './writers.js';

describe('registry: the token formats are listed for TOKEN_BASED and route token documents to their token part', () => {
  it('lists all seven names for TOKEN_BASED projects', () => {
    const names = writersForKinds(['TOKEN_BASED']).map((w) => w.name);
    for (const name of Object.keys(TOKEN_WRITERS)) expect(names).toContain(name);
  });
  it('TSV_IOB, TSV_NON_IOB and PLAIN are token-only', () => {
    for (const name of ['TSV_IOB', 'TSV_NON_IOB', 'PLAIN']) expect(findWriter(name)!.kinds).toEqual(['TOKEN_BASED']);
  });
  for (const name of Object.keys(TOKEN_WRITERS)) {
    it(`${name} through the registry equals the token part`, async () => {
      const writer = findWriter(name)!;
      const doc = richTokenDocument();
      doc.kinds = ['TOKEN_BASED', 'DOCUMENT_BASED']; // a token project with document questions still gets the token layout
      const files = await writer.writeDocument(doc, { options: resolveOptions(TEST_OPTIONS), report: new Report() });
      const direct = await write(name, richTokenDocument());
      expect(files.map((f) => [f.name, f.content])).toEqual(direct.files.map((f) => [f.name, f.text]));
    });
  }
});
