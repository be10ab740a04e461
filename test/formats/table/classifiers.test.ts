import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { comprehendClassifierPart } from '../../../src/core/formats/table/comprehend-classifier.js';
import { azureClassifierPart, pythonList } from '../../../src/core/formats/table/azure-classifier.js';
import { vertexClassifierPart } from '../../../src/core/formats/table/vertex-classifier.js';
import { lintComprehendClassifier } from '../../../src/core/formats/validate/comprehend-classifier.js';
import { lintAzureClassifier, parsePythonStringList } from '../../../src/core/formats/validate/azure-classifier.js';
import { lintVertexClassifier } from '../../../src/core/formats/validate/vertex-classifier.js';
import type { LintResult } from '../../../src/core/formats/validate/types.js';
import { readCsvRecords } from '../../../src/core/formats/validate/csv-records.js';
import { rowDocument, tokenDocument } from '../../../src/core/model/build.js';
import type { Document } from '../../../src/core/model/types.js';
import { InputError } from '../../../src/core/errors.js';
import { SAMPLES, context, text } from './helpers.js';
import { mixedProject } from './fixtures.js';

/** The issues of a lint result, for comparing with [] (a clean file). */
const issuesOf = (result: LintResult) => result.issues;

const TOPIC = { id: 1, name: 'topic', label: 'Topic', type: 'DROPDOWN', config: { multiple: false, options: ['business', 'science', 'sports', 'world'].map((l, i) => ({ id: String(i), label: l })) } };

/** A row project made from the prepared dataset: one text column, one dropdown question answered on every row. */
function agnewsProject(pairs: string[][]): Document {
  return rowDocument({
    name: 'agnews.csv',
    project: { id: 'P-agnews', name: 'agnews' },
    columns: ['text'],
    rows: pairs.map(([, body]) => [body]),
    rowQuestions: [TOPIC],
    rowAnswers: Object.fromEntries(pairs.map(([label], i) => [i, { '1': label }])),
  });
}

describe('classifier targets on agnews-comprehend.csv', () => {
  let source: string;
  let pairs: string[][];
  beforeAll(async () => {
    source = await readFile(`${SAMPLES}/datasets/agnews-comprehend.csv`, 'utf8');
    pairs = Papa.parse<string[]>(source, { skipEmptyLines: true }).data;
    // 8,332 records (SOURCES.md rounds the dataset's name, agnews_8333rows_aws.csv).
    expect(pairs.length).toBe(8332);
  });

  it('AMAZON_COMPREHEND_CSV parses to the same (label, text) pairs, and is byte-identical to the file', () => {
    const ctx = context();
    const [file] = comprehendClassifierPart.writeDocument(agnewsProject(pairs), ctx) as { name: string; content: string }[];
    const written = text(file.content);
    expect(Papa.parse<string[]>(written, { skipEmptyLines: true }).data).toEqual(pairs);
    expect(written).toBe(source);
    expect(issuesOf(lintComprehendClassifier(written))).toEqual([]);
    expect(ctx.report.all()).toEqual([]);
  });

  it('AZURE_AUTOML_CSV passes the validator and holds the same pairs', () => {
    const [file] = azureClassifierPart.writeDocument(agnewsProject(pairs), context()) as { content: string }[];
    const written = text(file.content);
    expect(issuesOf(lintAzureClassifier(written))).toEqual([]);
    const rows = Papa.parse<string[]>(written, { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['text', 'labels']);
    expect(rows.slice(1).map(([body, labels]) => [parsePythonStringList(labels)?.join('|'), body])).toEqual(pairs);
  });

  it('GCP_VERTEX_AI_CSV passes the validator and holds the same pairs', () => {
    const [file] = vertexClassifierPart.writeDocument(agnewsProject(pairs), context({ mlUse: 'training' })) as { content: string }[];
    const written = text(file.content);
    expect(issuesOf(lintVertexClassifier(written))).toEqual([]);
    const { records } = readCsvRecords(written);
    expect(records.every((r) => r.fields[0].value === 'training' && r.fields[1].quoted)).toBe(true);
    expect(records.map((r) => [r.fields[2].value, r.fields[1].value])).toEqual(pairs);
  });
});

describe('classifier defaults and reports', () => {
  it('defaults: first non-numeric unbound column as text, first option question as label; unlabeled rows skipped and reported', () => {
    const ctx = context();
    const out = text((comprehendClassifierPart.writeDocument(mixedProject(), ctx) as { content: string }[])[0].content);
    expect(out).toBe(
      'positive|enthusiastic,"Great, ""really"" great"\n' +
        'neutral,line one line two\n' +
        '"ok, i\'d say_meh",it\'s fine\n' +
        'positif à 100%,très bien\n',
    );
    expect(issuesOf(lintComprehendClassifier(out))).toEqual([]);
    const kinds = ctx.report.all().map((m) => `${m.kind}@${m.place?.row ?? '-'}`);
    expect(kinds.sort()).toEqual(
      ['AnswerNotRepresented@0', 'AnswerNotRepresented@2', 'AnswerNotRepresented@-', 'LabelRenamed@-', 'RowWithoutLabelSkipped@2', 'WhitespaceReplaced@1'].sort(),
    );
  });

  it('Azure keeps punctuation inside Python-list labels; Vertex renames labels to A-Za-z0-9_ once each', () => {
    expect(pythonList(["it's", 'a\\b'])).toBe("['it\\'s','a\\\\b']");
    const azure = text((azureClassifierPart.writeDocument(mixedProject(), context()) as { content: string }[])[0].content);
    expect(issuesOf(lintAzureClassifier(azure))).toEqual([]);
    const azureRows = Papa.parse<string[]>(azure, { skipEmptyLines: true }).data.slice(1);
    expect(azureRows.map((r) => parsePythonStringList(r[1]))).toEqual([['positive', 'enthusiastic'], ['neutral'], ["ok, i'd say|meh"], ['positif à 100%']]);

    const ctx = context();
    const vertex = text((vertexClassifierPart.writeDocument(mixedProject(), ctx) as { content: string }[])[0].content);
    expect(issuesOf(lintVertexClassifier(vertex))).toEqual([]);
    expect(readCsvRecords(vertex).records.map((r) => r.fields.map((f) => f.value))).toEqual([
      ['Great, "really" great', 'positive', 'enthusiastic'],
      ['line one\nline two', 'neutral'],
      ["it's fine", 'ok_i_d_say_meh'],
      ['très bien', 'positif_a_100'],
    ]);
    expect(ctx.report.count({ kind: 'LabelRenamed' })).toBe(2);
  });

  it('--text-column and --label-question pick other columns and questions; unknown names are input errors', () => {
    const out = text((comprehendClassifierPart.writeDocument(mixedProject(), context({ textColumn: 'stars', labelQuestion: 'Note' })) as { content: string }[])[0].content);
    expect(out).toBe('first,5\nunlabeled row,1\n');
    expect(() => comprehendClassifierPart.writeDocument(mixedProject(), context({ textColumn: 'nope' }))).toThrow(InputError);
    expect(() => comprehendClassifierPart.writeDocument(mixedProject(), context({ labelQuestion: 'nope' }))).toThrow(InputError);
    expect(() => vertexClassifierPart.writeDocument(mixedProject(), context({ mlUse: 'train' }))).toThrow(InputError);
  });

  it('a document question as label gives one example per document; --combine writes one file for all', async () => {
    const docs = ['a', 'b'].map((name, n) =>
      rowDocument({
        name: `${name}.csv`,
        columns: ['text'],
        rows: [[`${name} one`], [`${name} two`]],
        documentQuestions: [{ id: 0, name: 'genre', label: 'Genre', type: 'DROPDOWN' }],
        documentAnswers: { '0': n === 0 ? 'poetry' : null },
      }),
    );
    const ctx = context({ combine: true });
    const files = await azureClassifierPart.writeCombined!(docs, ctx);
    expect(files.map((f) => f.name)).toEqual(['project-P1.csv']);
    expect(text(files[0].content)).toBe('text,labels\n"a one\na two",[\'poetry\']\n');
    expect(ctx.report.all().map((m) => [m.kind, m.document])).toEqual([['RowWithoutLabelSkipped', 'b.csv']]);
  });

  it('a document-based text document: its rows joined by LF are the text of one example', () => {
    const doc = tokenDocument({ name: 'letter.txt', rows: [['Dear', 'Sir'], ['Thanks', '!']] });
    doc.kinds = ['DOCUMENT_BASED'];
    doc.documentQuestions = [{ id: 0, label: 'Tone', type: 'DROPDOWN' }];
    doc.documentAnswers = { '0': ['formal', 'polite'] };
    const ctx = context();
    const [file] = vertexClassifierPart.writeDocument(doc, ctx) as { name: string; content: string }[];
    expect(file).toEqual({ name: 'letter.txt.csv', content: '"Dear Sir\nThanks !",formal,polite\n' });
    expect(ctx.report.all()).toEqual([]);
  });

  it('no option question: nothing written, the format is reported as not applicable and the answers named', () => {
    const doc = rowDocument({ columns: ['t'], rows: [['x']], rowQuestions: [{ id: 1, label: 'Free', type: 'TEXT' }], rowAnswers: { 0: { '1': 'y' } } });
    const ctx = context();
    expect(vertexClassifierPart.writeDocument(doc, ctx)).toEqual([]);
    expect(ctx.report.all().map((m) => m.kind)).toEqual(['FormatNotApplicable', 'AnswerNotRepresented']);
  });
});

describe('classifier validators catch broken files', () => {
  it('Comprehend: wrong column count, empty label, line break in the text', () => {
    const result = lintComprehendClassifier('a,b,c\n|x,text\nok,"two\nlines"\n');
    expect(result.issues.map((i) => [i.line, i.rule])).toEqual([
      [1, 'comprehend-classifier/columns'],
      [2, 'comprehend-classifier/empty-label'],
      [3, 'comprehend-classifier/one-line'],
    ]);
  });
  it('Azure: missing header, labels not a Python list', () => {
    expect(lintAzureClassifier('text,label\nhello,positive\n').issues.map((i) => i.message)).toEqual(['the header must be "text,labels"', 'labels "positive" are not a Python list of strings']);
  });
  it('Vertex: unquoted text, bad label, bad ml_use, no label', () => {
    const result = lintVertexClassifier('hello,pos\n"ok",bad-label\ntrain,"x",a\n"only text"\n');
    expect(result.issues.map((i) => [i.line, i.severity])).toEqual([[1, 'error'], [2, 'error'], [3, 'error'], [4, 'warning']]);
    expect(result.counts).toEqual({ examples: 4, labels: 2 }); // pos and a
  });
});
