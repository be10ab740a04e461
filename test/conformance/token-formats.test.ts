import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../src/node/read-input.js';
import { readTaggedTsv } from '../../src/core/read/tagged-tsv.js';
import type { Document } from '../../src/core/model/types.js';
import { lintAzureConll, lintComprehendCsv, lintVertexJsonl } from '../../src/core/formats/validate/index.js';
import { TOKEN_WRITERS, write } from '../formats/token/writers.js';
import { PIECES_VISIBLE, SPLITS_AT_ROWS, TAGGED, accountSpans } from '../formats/token/accounting.js';

const SAMPLES = '../shared/samples';
const NCBI = `${SAMPLES}/datasets/ncbi-disease-iob.tsv`;

/** Entities straight from the IOB2 file (not through our reader): per sentence, [tokens, type]. */
function entitiesInFile(text: string): Array<{ line: number; tokens: string[]; type: string }> {
  const out: Array<{ line: number; tokens: string[]; type: string }> = [];
  let sentence = 0;
  let open: { line: number; tokens: string[]; type: string } | undefined;
  for (const line of text.split('\n')) {
    if (line === '') {
      sentence++;
      open = undefined;
      continue;
    }
    const [token, tag] = line.split('\t');
    if (tag.startsWith('B-')) out.push((open = { line: sentence, tokens: [token], type: tag.slice(2) }));
    else if (tag.startsWith('I-')) open!.tokens.push(token);
    else open = undefined;
  }
  return out;
}

describe('ncbi-disease-iob.tsv (real IOB2 data)', () => {
  const text = readFileSync(NCBI, 'utf8');
  const doc = () => readTaggedTsv(text, { file: 'ncbi-disease-iob.tsv' });

  it('read as IOB2 and written as TSV_IOB gives the same bytes', async () => {
    const { files, report } = await write('TSV_IOB', doc());
    expect(files[0].name).toBe('ncbi-disease-iob.tsv');
    expect(files[0].text === text).toBe(true);
    expect(report.all()).toEqual([]);
  });

  it('written as AZURE_AUTOML_CSV passes the Azure validator', async () => {
    const { files } = await write('AZURE_AUTOML_CSV', doc());
    const result = lintAzureConll(files[0].text);
    expect(result.issues).toEqual([]);
    expect(result.counts.sentences).toBe(300);
    expect(result.counts.entities).toBe(entitiesInFile(text).length);
  });

  it('written as AMAZON_COMPREHEND_CSV: every annotation slices the PLAIN text to exactly its entity tokens', async () => {
    const { files } = await write('AMAZON_COMPREHEND_CSV', doc());
    const [csv, plain] = files;
    expect(plain.name).toBe('ncbi-disease-iob.tsv.txt');
    expect(lintComprehendCsv(csv.text, { texts: new Map([[plain.name, plain.text]]) }).issues).toEqual([]);
    const lines = plain.text.split('\n');
    const records = csv.text.trimEnd().split('\r\n').slice(1).map((r) => r.split(','));
    const expected = entitiesInFile(text);
    expect(records).toHaveLength(expected.length);
    records.forEach(([file, line, begin, end, type], i) => {
      expect(file).toBe(plain.name);
      const codepoints = Array.from(lines[Number(line)]);
      expect(codepoints.slice(Number(begin), Number(end)).join('')).toBe(expected[i].tokens.join(' '));
      expect(Number(line)).toBe(expected[i].line);
      expect(type).toBe(expected[i].type.toUpperCase());
    });
  });

  it('written as GCP_VERTEX_AI_CSV passes the Vertex validator (labels are already A-Za-z)', async () => {
    const { files, report } = await write('GCP_VERTEX_AI_CSV', doc());
    const result = lintVertexJsonl(files[0].text);
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.counts.annotations).toBe(entitiesInFile(text).length);
    expect(report.all().map((m) => m.kind)).toEqual(['OffsetUnit']);
  });
});

async function reviewDocuments(zip: string): Promise<Document[]> {
  const { projects } = await readInput(zip, { cabinet: 'REVIEW' });
  return projects.flatMap((p) => p.documents);
}

describe('Project 2.zip (JSON_ADVANCED) against littleprince.tsv', () => {
  it('TSV_NON_IOB gives the same token/tag lines (rows were split differently, so blank lines are ignored)', async () => {
    const [doc] = await reviewDocuments(`${SAMPLES}/token-json-advanced/Project 2.zip`);
    expect(doc.name).toBe('little prince.txt');
    const { files, report } = await write('TSV_NON_IOB', doc);
    const tokenLines = (t: string) => t.split('\n').filter((l) => l !== '');
    const expected = tokenLines(readFileSync(`${SAMPLES}/token-tsv/littleprince.tsv`, 'utf8'));
    expect(tokenLines(files[0].text)).toEqual(expected);
    expect(expected).toHaveLength(190);
    expect(report.all()).toEqual([]);
  });
});

describe('the audio sample (3 label sets, overlapping layers, timestamps): every format, every cabinet', () => {
  const zip = `${SAMPLES}/audio-json-advanced/_Uniphore_ Datasaur Dataset_FRYWjo0dORv.zip`;
  for (const format of Object.keys(TOKEN_WRITERS)) {
    it(`${format}: no crash; every span written or reported; every timestamp reported`, async () => {
      const { projects } = await readInput(zip, { cabinet: 'all' });
      const docs = projects.flatMap((p) => p.documents);
      expect(docs).toHaveLength(40);
      let spans = 0;
      for (const doc of docs) {
        const result = await write(format, doc);
        const account = accountSpans(format, doc, result, SPLITS_AT_ROWS.has(format));
        if (PIECES_VISIBLE.has(format)) expect(account.writtenPieces, doc.name).toBe(account.expectedPieces);
        if (TAGGED.has(format)) expect(account.writtenTokens, doc.name).toBe(account.expectedTokens);
        expect(result.report.all().filter((m) => m.kind === 'TimestampNotRepresented')).toHaveLength(doc.timestamps.length);
        spans += doc.spans.length;
      }
      // REVIEW: 4 spans, one labeler copy: 3 (counted independently from the ZIP's JSON).
      expect(spans).toBe(7);
    });
  }

  it('the three label sets become three tag columns in TSV_IOB', async () => {
    const docs = await reviewDocuments(zip);
    const labelled = docs.find((d) => d.spans.length > 0)!;
    const { files } = await write('TSV_IOB', labelled);
    const first = files[0].text.split('\n')[0].split('\t');
    expect(first).toHaveLength(1 + 3);
  });
});
