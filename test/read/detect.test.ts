import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '../../src/core/read/parse-document.js';
import { Report } from '../../src/core/report/report.js';
import { readInput } from '../../src/node/read-input.js';
import { cli } from '../helpers/cli.js';
import { sample } from '../helpers/samples.js';

const VENDOR_TSV = path.resolve(__dirname, '../../fixtures/inputs/vendor-books.tsv');

function read(text: string, file: string, inputFormat?: string) {
  const report = new Report();
  const doc = parseDocumentText(text, { file, report, inputFormat });
  return { doc, report, kinds: report.all().map((m) => m.kind) };
}

describe('content detection (issue 11 item 3)', () => {
  it("the vendor's row TSV example (Book Title / Author / Genre, 5 records) reads as a row table, not as tokens", () => {
    const { doc, kinds } = read(readFileSync(VENDOR_TSV, 'utf8'), 'vendor-books.tsv');
    expect(doc.readAs).toMatchObject({ format: 'TSV', layout: 'row table', summary: '5 records' });
    expect(doc.readAs!.because).toMatch(/^header of 3 tab-separated columns/);
    expect(doc.kinds).toEqual(['ROW_BASED']);
    expect(doc.columns.map((c) => c.name)).toEqual(['Book Title', 'Author', 'Genre']);
    expect(doc.rows).toHaveLength(5);
    expect(doc.rows[0].cells.map((c) => c.content)).toEqual(['To Kill a Mockingbird', 'Harper Lee', 'Fiction']);
    expect(doc.spans).toEqual([]);
    expect(kinds).not.toContain('FormatGuessed');
  });

  it('inspect says what the file was read as and why', async () => {
    const { code, stdout } = await cli('inspect', VENDOR_TSV);
    expect(code).toBe(0);
    expect(stdout).toContain('read vendor-books.tsv as TSV (row table): header of 3 tab-separated columns, cells with spaces; 5 records');
    const json = JSON.parse((await cli('inspect', VENDOR_TSV, '--json')).stdout);
    expect(json.projects[0].documents[0].readAs).toMatchObject({ format: 'TSV', layout: 'row table' });
  });

  it('--input-format forces a reader; an unknown name is a usage error (exit 2) naming the choices', async () => {
    const forced = read(readFileSync(VENDOR_TSV, 'utf8'), 'vendor-books.tsv', 'TSV_NON_IOB');
    expect(forced.doc.kinds).toEqual(['TOKEN_BASED']);
    expect(forced.doc.readAs!.because).toMatch(/^--input-format TSV_NON_IOB/);
    const { code, stderr } = await cli('inspect', VENDOR_TSV, '--input-format', 'NOPE');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--input-format.*"NOPE".*expected one of .*TSV_IOB/);
  });

  it('reads each real sample as what it is', () => {
    const as = (file: string) => read(readFileSync(sample(file), 'utf8'), path.basename(file)).doc.readAs;
    expect(as('datasets/ncbi-disease-iob.tsv')).toMatchObject({ format: 'TSV_IOB' });
    expect(as('token-tsv/sherlockholmes-dependency.tsv')).toMatchObject({ format: 'TSV_NON_IOB' });
    expect(as('token-tsv/littleprince.tsv')).toMatchObject({ format: 'TSV_IOB' });
    expect(as('row-csv/weather.csv')).toMatchObject({ format: 'CSV', layout: 'row table' });
  });

  it('a CoNLL file with -DOCSTART- reads as CONLL_2003, POS bare and chunk/NER as IOB, document lines left out', () => {
    const text = '-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\n\n-DOCSTART- -X- -X- O\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n\n';
    const { doc, kinds } = read(text, 'train.txt');
    expect(doc.readAs).toMatchObject({ format: 'CONLL_2003' });
    expect(doc.rows.map((r) => r.cells[0].tokens)).toEqual([['EU', 'rejects', 'German'], ['Peter', 'Blackburn']]);
    expect(doc.labelSets).toHaveLength(3);
    const spans = (layer: number) => doc.spans.filter((s) => s.layer === layer).map((s) => `${s.labelName}@${s.start.row}:${s.start.token}-${s.end.token}`);
    expect(spans(0)).toEqual(['NNP@0:0-0', 'VBZ@0:1-1', 'JJ@0:2-2', 'NNP@1:0-1']);
    expect(spans(2)).toEqual(['ORG@0:0-0', 'MISC@0:2-2', 'PER@1:0-1']);
    expect(kinds.filter((k) => k !== 'MissingFieldDefaulted')).toEqual([]);
  });

  it('an ambiguous file is read with the guess named in the report (FormatGuessed, info)', () => {
    // Two short columns, no space, no blank line: a table with header word/NOUN, or one POS sentence.
    const { doc, report } = read('word\tNOUN\nrun\tVERB\n', 'pos.tsv');
    const guessed = report.all().find((m) => m.kind === 'FormatGuessed');
    expect(guessed).toMatchObject({ severity: 'info', place: { file: 'pos.tsv' } });
    expect(guessed!.text).toContain(`read as ${doc.readAs!.layout ? `${doc.readAs!.format} (${doc.readAs!.layout})` : doc.readAs!.format}`);
    expect(guessed!.text).toMatch(/it could also be .*TSV_NON_IOB/);
    expect(guessed!.text).toContain('--input-format');
  });

  it('a JSON that is no export names the formats it could have been', () => {
    expect(() => read('{"name":"x"}', 'other.json')).toThrow(/this JSON is not a Datasaur export document/);
  });

  it('`convert --to TSV` of our row output of ../shared/samples/row-csv reads back to the same table', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'detect-row-'));
    const { code } = await cli('convert', sample('row-csv/row-project-1.zip'), '--to', 'TSV', '--out', out, '--flat');
    expect(code).toBe(0);
    const tsvFiles = readdirSync(path.join(out, 'TSV'));
    expect(tsvFiles).toEqual(['weather.csv.tsv']);
    const back = await readInput(path.join(out, 'TSV', tsvFiles[0]));
    const [doc] = back.projects[0].documents;
    expect(doc.readAs).toMatchObject({ format: 'TSV', layout: 'row table' });
    expect(back.report.all().filter((m) => m.kind === 'FormatGuessed')).toEqual([]);
    const exported = await readInput(sample('row-csv/row-project-1.zip'), { cabinet: 'REVIEW' });
    const source = exported.projects[0].documents[0];
    expect(doc.columns.map((c) => c.name)).toEqual(source.columns.map((c) => c.name));
    expect(doc.rows.map((r) => r.cells.map((c) => c.content))).toEqual(source.rows.map((r) => r.cells.map((c) => c.content)));
  });

  it('a TSV written by hand with a quoted cell holding a tab and a line break still reads as a row table', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'detect-q-'));
    const file = path.join(dir, 'q.tsv');
    writeFileSync(file, 'a\tb\r\n"x\ty"\t"line\nbreak"\r\nz\tw\r\n');
    const { doc } = read(readFileSync(file, 'utf8'), 'q.tsv');
    expect(doc.readAs).toMatchObject({ format: 'TSV' });
    expect(doc.rows.map((r) => r.cells.map((c) => c.content))).toEqual([['x\ty', 'line\nbreak'], ['z', 'w']]);
  });
});

describe('detection looks at the head only, and a wide header still fits', () => {
  it('a CSV whose header alone is wider than 64 KiB (16,400 columns) reads as a table without --input-format', () => {
    const columns = Array.from({ length: 16_400 }, (_, c) => `c${c}`);
    const text = `${columns.join(',')}\r\n${columns.map((c) => `v${c}`).join(',')}\r\n`;
    const { doc } = read(text, 'wide.csv');
    expect(doc.readAs).toMatchObject({ format: 'CSV', layout: 'row table' });
    expect(doc.columns).toHaveLength(16_400);
  });
});

describe('JSON_TABULAR columns keep the file order', () => {
  it('column titles that are numbers are not moved first, as a parsed object would list them (single file)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'detect-json-'));
    const file = path.join(dir, 'nums.json');
    writeFileSync(file, '[\n{"name":"a","2":"x","10":"y"},\n{"name":"b","2":"z","10":"w"}\n]\n');
    const { projects } = await readInput(file);
    const [doc] = projects[0].documents;
    expect(doc.readAs).toMatchObject({ format: 'JSON_TABULAR' });
    expect(doc.columns.map((c) => c.name)).toEqual(['name', '2', '10']);
    expect(doc.rows.map((r) => r.cells.map((c) => c.content))).toEqual([['a', 'x', 'y'], ['b', 'z', 'w']]);
  });
});
