import { describe, expect, it } from 'vitest';
import { tokenDocument } from '../../../src/core/model/build.js';
import type { Document } from '../../../src/core/model/types.js';
import type { MessageKind } from '../../../src/core/report/kinds.js';
import { isInputError } from '../../../src/core/errors.js';
import { richTokenDocument } from './fixture.js';
import { write, writeCombined } from './writers.js';

/** One test per message kind the token formats emit: it appears when its cause is there, not otherwise. */
const kinds = async (format: string, doc: Document, options = {}) => (await write(format, doc, options)).report.all().map((m) => m.kind);
const count = async (format: string, doc: Document, kind: MessageKind, options = {}) => (await kinds(format, doc, options)).filter((k) => k === kind).length;

const plainDoc = () =>
  tokenDocument({
    rows: [['Ada', 'Lovelace', 'wrote', 'notes']],
    labelSets: [['PER', 'MISC']],
    spans: [{ id: 'p1', label: 'PER', start: [0, 0], end: [0, 1] }],
  });

describe('report kinds of the token formats', () => {
  it('RejectedLabelSkipped: a REJECTED span, in every labelled format', async () => {
    for (const f of ['TSV_IOB', 'CSV', 'AMAZON_COMPREHEND_CSV', 'AZURE_AUTOML_CSV', 'GCP_VERTEX_AI_CSV']) {
      expect(await count(f, richTokenDocument(), 'RejectedLabelSkipped')).toBe(1);
      expect(await count(f, plainDoc(), 'RejectedLabelSkipped')).toBe(0);
    }
  });

  it('ConflictLabelSkipped: a CONFLICT span without --include-conflicts; kept (and written) with it', async () => {
    expect(await count('TSV_IOB', richTokenDocument(), 'ConflictLabelSkipped')).toBe(1);
    expect(await count('TSV_IOB', richTokenDocument(), 'ConflictLabelSkipped', { includeConflicts: true })).toBe(0);
    const { files } = await write('TSV_IOB', richTokenDocument(), { includeConflicts: true });
    expect(files[0].text).toContain('Babbage\tB-PER');
  });

  it('LabelSetNotSelected: spans of other sets in one-set targets; none in TSV (one column per set)', async () => {
    expect(await count('AZURE_AUTOML_CSV', richTokenDocument(), 'LabelSetNotSelected')).toBe(3);
    expect(await count('AZURE_AUTOML_CSV', richTokenDocument(), 'LabelSetNotSelected', { labelSet: 1 })).toBe(9);
    expect(await count('TSV_IOB', richTokenDocument(), 'LabelSetNotSelected')).toBe(0);
  });

  it('an unknown --label-set is a usage error, not a silent fallback', async () => {
    await expect(write('AMAZON_COMPREHEND_CSV', richTokenDocument(), { labelSet: 'Nope' })).rejects.toSatisfy((e) => isInputError(e) && e.code === 'BAD_OPTION');
    await expect(write('AMAZON_COMPREHEND_CSV', richTokenDocument(), { labelSet: 5 })).rejects.toSatisfy((e) => isInputError(e) && e.code === 'BAD_OPTION');
  });

  it('SpanWidenedToToken: a char-level span in token formats; offset formats keep the characters', async () => {
    expect(await count('TSV_IOB', richTokenDocument(), 'SpanWidenedToToken')).toBe(1);
    expect(await count('AZURE_AUTOML_CSV', richTokenDocument(), 'SpanWidenedToToken')).toBe(1);
    expect(await count('CSV', richTokenDocument(), 'SpanWidenedToToken')).toBe(0);
    expect(await count('TSV_IOB', plainDoc(), 'SpanWidenedToToken')).toBe(0);
  });

  it('SpanSplitAtRow: a span across rows in TSV, token CSV and Azure; SpanCrossesRows in Comprehend; Vertex keeps it whole', async () => {
    for (const f of ['TSV_IOB', 'TSV_NON_IOB', 'CSV', 'AZURE_AUTOML_CSV']) expect(await count(f, richTokenDocument(), 'SpanSplitAtRow')).toBe(1);
    expect(await count('AMAZON_COMPREHEND_CSV', richTokenDocument(), 'SpanCrossesRows')).toBe(1);
    const vertex = await kinds('GCP_VERTEX_AI_CSV', richTokenDocument());
    expect(vertex).not.toContain('SpanCrossesRows');
    expect(vertex).not.toContain('SpanSplitAtRow');
  });

  it('SpanCrossesRows: also a span across a line break inside one row (Comprehend lines are PLAIN lines)', async () => {
    const doc = tokenDocument({ rows: [{ content: 'New\nYork', tokens: ['New', 'York'] }], labelSets: [['LOC']], spans: [{ label: 'LOC', start: [0, 0], end: [0, 1] }] });
    expect(await count('AMAZON_COMPREHEND_CSV', doc, 'SpanCrossesRows')).toBe(1);
    // A span whose last character is the line break holds it too: not written with the break cut off.
    const trailing = tokenDocument({ rows: [{ content: 'ab\n', tokens: ['ab\n'] }], labelSets: [['X']], spans: [{ label: 'X', start: [0, 0], end: [0, 0] }] });
    expect(await count('AMAZON_COMPREHEND_CSV', trailing, 'SpanCrossesRows')).toBe(1);
  });

  it('OverlapDropped: one per dropped span, warning by default, error with --overlap error, none with columns in TSV', async () => {
    const first = (await write('TSV_IOB', richTokenDocument())).report.all().filter((m) => m.kind === 'OverlapDropped');
    expect(first.map((m) => [m.labelId, m.severity])).toEqual([['s2', 'warning'], ['s5', 'warning']]);
    const error = (await write('TSV_IOB', richTokenDocument(), { overlap: 'error' })).report;
    expect(error.hasErrors()).toBe(true);
    expect(await count('TSV_IOB', richTokenDocument(), 'OverlapDropped', { overlap: 'columns' })).toBe(0);
    expect(await count('AMAZON_COMPREHEND_CSV', richTokenDocument(), 'OverlapDropped', { overlap: 'columns' })).toBe(2);
    expect(await count('CSV', richTokenDocument(), 'OverlapDropped')).toBe(0);
  });

  it('LabelRenamed: once per label per output, with a suffix when two names collide', async () => {
    const doc = tokenDocument({
      rows: [['a', 'b', 'c']],
      labelSets: [['Foo bar', 'FOO-BAR', 'ok']],
      spans: [
        { label: 'Foo bar', start: [0, 0], end: [0, 0] },
        { label: 'FOO-BAR', start: [0, 1], end: [0, 1] },
        { label: 'Foo bar', start: [0, 2], end: [0, 2] },
      ],
    });
    const { files, report } = await write('AMAZON_COMPREHEND_CSV', doc);
    expect(files[0].text.split('\r\n').slice(1, 4).map((l) => l.split(',')[4])).toEqual(['FOO_BAR', 'FOO_BAR_2', 'FOO_BAR']);
    expect(report.all().filter((m) => m.kind === 'LabelRenamed').map((m) => m.label)).toEqual(['Foo bar', 'FOO-BAR']);
    expect(await count('AMAZON_COMPREHEND_CSV', plainDoc(), 'LabelRenamed')).toBe(0);
    const vertex = await write('GCP_VERTEX_AI_CSV', richTokenDocument());
    expect(vertex.report.all().filter((m) => m.kind === 'LabelRenamed').map((m) => m.text)).toEqual(['label "Time of day" written as "Time_of_day" (Vertex naming rules)']);
  });

  it('WhitespaceReplaced: tab/line break in a TSV token or label; whitespace in an Azure token', async () => {
    const doc = tokenDocument({ rows: [{ content: 'New York\tcity', tokens: ['New York', 'city\t'] }], labelSets: [['A\tB']], spans: [{ label: 'A\tB', start: [0, 0], end: [0, 0] }] });
    const tsv = await write('TSV_IOB', doc);
    expect(tsv.files[0].text).toBe('New York\tB-A B\ncity \tO\n\n');
    expect(tsv.report.all().filter((m) => m.kind === 'WhitespaceReplaced')).toHaveLength(2);
    const azure = await write('AZURE_AUTOML_CSV', doc);
    expect(azure.files[0].text).toBe('New_York B-A_B\ncity_ O\n\n');
    expect(azure.report.all().filter((m) => m.kind === 'WhitespaceReplaced')).toHaveLength(2);
    expect(await count('TSV_IOB', plainDoc(), 'WhitespaceReplaced')).toBe(0);
  });

  it('FormulaEscaped: token CSV values starting with = + - @ under --escape-formulas only', async () => {
    const doc = tokenDocument({ rows: [['x']], labelSets: [['=SUM']], spans: [{ label: '=SUM', start: [0, 0], end: [0, 0] }] });
    const escaped = await write('CSV', doc, { escapeFormulas: true });
    expect(escaped.files[0].text).toContain(",'=SUM,");
    expect(escaped.report.all().filter((m) => m.kind === 'FormulaEscaped')).toHaveLength(1);
    expect(await count('CSV', doc, 'FormulaEscaped')).toBe(0);
  });

  it('FormulaNotEscaped: token CSV says once per document that --escape-formulas exists', async () => {
    const doc = tokenDocument({ rows: [['x', 'y']], labelSets: [['=SUM', '\tTAB']], spans: [{ label: '=SUM', start: [0, 0], end: [0, 0] }, { label: '\tTAB', start: [0, 1], end: [0, 1] }] });
    const plain = await write('CSV', doc);
    expect(plain.files[0].text).toContain(',=SUM,');
    expect(plain.files[0].text).toContain(',\tTAB,');
    expect(plain.report.all().filter((m) => m.kind === 'FormulaNotEscaped').map((m) => m.text)).toEqual([expect.stringContaining('--escape-formulas')]);
    const escaped = await write('CSV', doc, { escapeFormulas: true });
    expect(escaped.files[0].text).toContain(",'\tTAB,");
    expect(escaped.report.count({ kind: 'FormulaNotEscaped' })).toBe(0);
    expect(await count('CSV', plainDoc(), 'FormulaNotEscaped')).toBe(0);
  });

  it('TokenNotInContent: a span boundary on a token the aligner cannot find, once per token', async () => {
    const doc = tokenDocument({ rows: [{ content: 'Saint-Exupéry wrote', tokens: ['Saint', '-', 'Exupery', 'wrote'] }], labelSets: [['PER']], spans: [{ label: 'PER', start: [0, 0], end: [0, 2] }] });
    expect(await count('CSV', doc, 'TokenNotInContent')).toBe(1);
    expect(await count('GCP_VERTEX_AI_CSV', doc, 'TokenNotInContent')).toBe(1);
    expect(await count('CSV', plainDoc(), 'TokenNotInContent')).toBe(0);
  });

  it('SpanWithoutText: a span whose tokens have no characters in the content, in Comprehend and Vertex; the token CSV keeps its position', async () => {
    const doc = tokenDocument({ rows: [{ content: 'abc', tokens: ['abc', 'zz'] }], labelSets: [['X']], spans: [{ id: 'e1', label: 'X', start: [0, 1], end: [0, 1] }] });
    for (const f of ['AMAZON_COMPREHEND_CSV', 'GCP_VERTEX_AI_CSV']) {
      const { report } = await write(f, doc);
      expect(report.all().filter((m) => m.kind === 'SpanWithoutText').map((m) => m.labelId)).toEqual(['e1']);
    }
    expect(await count('CSV', doc, 'SpanWithoutText')).toBe(0);
    expect(await count('AMAZON_COMPREHEND_CSV', plainDoc(), 'SpanWithoutText')).toBe(0);
  });

  it('OffsetUnit: every offset format states its unit once per document; tag formats do not', async () => {
    for (const f of ['CSV', 'AMAZON_COMPREHEND_CSV', 'GCP_VERTEX_AI_CSV']) {
      const messages = (await write(f, richTokenDocument(), { offsets: 'grapheme' })).report.all().filter((m) => m.kind === 'OffsetUnit');
      expect(messages.map((m) => m.text)).toEqual(['offsets are counted in graphemes (user-perceived characters)']);
    }
    expect(await count('TSV_IOB', richTokenDocument(), 'OffsetUnit')).toBe(0);
  });

  it('SpanNotRepresented: every span of the input for PLAIN, none for the labelled formats', async () => {
    expect(await count('PLAIN', richTokenDocument(), 'SpanNotRepresented')).toBe(richTokenDocument().spans.length);
    expect(await count('TSV_IOB', richTokenDocument(), 'SpanNotRepresented')).toBe(0);
  });

  it('ArrowNotRepresented, TimestampNotRepresented: one per arrow and per timestamp', async () => {
    for (const f of ['TSV_IOB', 'PLAIN', 'CSV', 'AMAZON_COMPREHEND_CSV', 'AZURE_AUTOML_CSV', 'GCP_VERTEX_AI_CSV']) {
      expect(await count(f, richTokenDocument(), 'ArrowNotRepresented')).toBe(1);
      expect(await count(f, richTokenDocument(), 'TimestampNotRepresented')).toBe(1);
      expect(await count(f, plainDoc(), 'ArrowNotRepresented')).toBe(0);
    }
  });

  it('AnswerNotRepresented, BoundingBoxNotRepresented, CommentNotRepresented, MetadataNotRepresented', async () => {
    const doc = plainDoc();
    doc.documentAnswers = { '0': 'yes', '1': null };
    doc.rowAnswers = { '0': { '2': ['a', 'b'] } };
    doc.comments = [{ text: 'hi' }];
    doc.rows[0].metadata = [{ key: 'speaker', value: 'agent', pinned: true }];
    doc.boundingBoxes = [{ id: 'b1', classId: 'c', className: 'Box', shapes: [], status: 'LABELED', labeledBy: 'LABELER' }];
    const all = await kinds('TSV_IOB', doc);
    expect(all.filter((k) => k === 'AnswerNotRepresented')).toHaveLength(2);
    expect(all.filter((k) => k === 'BoundingBoxNotRepresented')).toHaveLength(1);
    expect(all.filter((k) => k === 'CommentNotRepresented')).toHaveLength(1);
    expect(all.filter((k) => k === 'MetadataNotRepresented')).toHaveLength(1);
    expect(await kinds('TSV_IOB', plainDoc())).toEqual([]);
  });

  it('combined outputs report per document', async () => {
    const { report } = await writeCombined('AZURE_AUTOML_CSV', [richTokenDocument(), plainDoc()]);
    expect(new Set(report.all().map((m) => m.document))).toEqual(new Set(['rich.txt']));
  });
});
