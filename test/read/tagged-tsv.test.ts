import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readTaggedTsv } from '../../src/core/read/tagged-tsv.js';
import { isInputError } from '../../src/core/errors.js';
import { tokenDocument } from '../../src/core/model/build.js';
import { write } from '../formats/token/writers.js';

const SAMPLES = '../shared/samples';
const source = (file: string) => ({ file });

describe('tagged TSV reader', () => {
  it('reads ncbi-disease-iob.tsv as IOB2: 300 rows, one label set, one span per B- tag', () => {
    const text = readFileSync(`${SAMPLES}/datasets/ncbi-disease-iob.tsv`, 'utf8');
    const doc = readTaggedTsv(text, source('ncbi-disease-iob.tsv'));
    const lines = text.split('\n');
    expect(doc.rows).toHaveLength(lines.filter((l) => l === '').length - 1); // the final '' comes from the last '\n'
    expect(doc.labelSets).toHaveLength(1);
    expect(doc.spans).toHaveLength(lines.filter((l) => l.split('\t')[1]?.startsWith('B-')).length);
    expect(doc.rows.reduce((n, r) => n + r.cells[0].tokens.length, 0)).toBe(lines.filter((l) => l !== '').length);
    // First span of the file: "hexosaminidase A deficiency" (tokens 4–6 of row 0).
    expect(doc.spans[0]).toMatchObject({ labelName: 'SpecificDisease', start: { row: 0, token: 4 }, end: { row: 0, token: 6 } });
  });

  it('reads the POS sample as bare tags, one span per run of equal tags (or per token on request)', () => {
    const text = readFileSync(`${SAMPLES}/token-tsv/sherlockholmes-dependency.tsv`, 'utf8');
    const runs = readTaggedTsv(text, source('sherlock.tsv'));
    const perToken = readTaggedTsv(text, source('sherlock.tsv'), { plainSpans: 'token' });
    // "Sherlock Holmes" are both NNP: one run, two tokens.
    expect(runs.spans[0]).toMatchObject({ labelName: 'NNP', start: { token: 0 }, end: { token: 1 } });
    expect(perToken.spans[0]).toMatchObject({ labelName: 'NNP', start: { token: 0 }, end: { token: 0 } });
    expect(runs.labelSets[0].items.map((i) => i.labelName)).toContain('"');
  });

  it('reads the all-O littleprince sample as one empty label set', () => {
    const doc = readTaggedTsv(readFileSync(`${SAMPLES}/token-tsv/littleprince.tsv`, 'utf8'), source('littleprince.tsv'));
    expect(doc.rows).toHaveLength(2);
    expect(doc.labelSets).toHaveLength(1);
    expect(doc.spans).toHaveLength(0);
  });

  it('decodes I- without a preceding B- as the start of a span (seqeval leniency), and each scheme by its prefixes', () => {
    const doc = readTaggedTsv('a\tI-X\nb\tI-X\nc\tO\nd\tI-X\ne\tB-X\n\n', source('x.tsv'));
    expect(doc.spans.map((s) => [s.start.token, s.end.token])).toEqual([[0, 1], [3, 3], [4, 4]]);
    const bilou = readTaggedTsv('a\tB-X\nb\tL-X\nc\tU-X\nd\tU-X\n\n', source('x.tsv'), { scheme: 'BILOU' });
    expect(bilou.spans.map((s) => [s.start.token, s.end.token])).toEqual([[0, 1], [2, 2], [3, 3]]);
    const iobes = readTaggedTsv('a\tS-X\nb\tB-X\nc\tI-X\nd\tE-X\n\n', source('x.tsv'), { scheme: 'IOBES' });
    expect(iobes.spans.map((s) => [s.start.token, s.end.token])).toEqual([[0, 0], [1, 3]]);
  });

  it('reads several tag columns as several label sets, CRLF and a BOM included', () => {
    const doc = readTaggedTsv('\uFEFFAda\tB-PER\tB-Person\r\nLovelace\tI-PER\tO\r\n\r\n', source('x.tsv'));
    expect(doc.labelSets.map((s) => s.items.map((i) => i.labelName))).toEqual([['PER'], ['Person']]);
    expect(doc.spans.map((s) => [s.layer, s.end.token])).toEqual([[0, 1], [1, 0]]);
    expect(doc.rows[0].cells[0]).toMatchObject({ content: 'Ada Lovelace', tokens: ['Ada', 'Lovelace'] });
  });

  it('reads space-separated CoNLL (our Azure output) when the file has no tab', () => {
    const doc = readTaggedTsv('Grace B-PER\nHopper I-PER\n\n', source('x.conll'));
    expect(doc.spans).toHaveLength(1);
    expect(doc.rows[0].cells[0].tokens).toEqual(['Grace', 'Hopper']);
  });

  it('rejects a line with more tag columns than the file, naming the line; blank lines only are an empty document', () => {
    const fail = (text: string) => {
      try {
        readTaggedTsv(text, source('bad.tsv'));
      } catch (error) {
        if (isInputError(error)) return error;
      }
      throw new Error('expected an InputError');
    };
    expect(fail('a\tO\nb\tO\tO\nc\tO\n')).toMatchObject({ code: 'BAD_TSV', where: 'line 2', file: 'bad.tsv' });
    // Blank lines only (TSV_IOB of a document without tokens): an empty document.
    expect(readTaggedTsv('\n\n', source('empty.tsv')).rows).toEqual([]);
  });

  it('property: any document of whole-token, non-overlapping spans survives TSV_IOB → reader for every scheme', async () => {
    const labels = ['PER', 'LOC', 'ORG'];
    const rowArb = fc.integer({ min: 1, max: 8 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        // a label per token or null; consecutive equal labels may become one or two spans (cut flags)
        tags: fc.array(fc.option(fc.constantFrom(...labels), { nil: null }), { minLength: n, maxLength: n }),
        cuts: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 5 }), fc.constantFrom('IOB2', 'IOB1', 'IOBES', 'BILOU' as const), async (rows, scheme) => {
        const spans: Array<{ label: string; start: [number, number]; end: [number, number] }> = [];
        rows.forEach((row, r) => {
          row.tags.forEach((tag, t) => {
            const last = spans[spans.length - 1];
            if (tag === null) return;
            if (last && last.label === tag && last.end[0] === r && last.end[1] === t - 1 && !row.cuts[t]) last.end = [r, t];
            else spans.push({ label: tag, start: [r, t], end: [r, t] });
          });
        });
        const doc = tokenDocument({ rows: rows.map((row) => Array.from({ length: row.n }, (_, i) => `w${i}`)), labelSets: [labels], spans });
        const { files } = await write('TSV_IOB', doc, { scheme });
        const back = readTaggedTsv(files[0].text, source('x.tsv'), { scheme, tags: 'iob' });
        const key = (s: { labelName: string; start: { row: number; token: number }; end: { row: number; token: number } }) =>
          `${s.labelName}@${s.start.row}:${s.start.token}-${s.end.token}`;
        expect(back.spans.map(key)).toEqual(doc.spans.map(key));
      }),
      { numRuns: 300 },
    );
  });
});
