import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveOptions, type ConvertOptions } from '../../src/core/formats/options.js';
import type { Document } from '../../src/core/model/types.js';
import { isAnswered } from '../../src/core/formats/table/answers.js';
import { tokenDocumentArb } from './arbitraries/token-document.js';
import { HEAVY_RUNS, PROPERTY_TIMEOUT, propertyParams } from './config.js';
import { asTsvText, keptSpans, multiset, namedIds, pieces, rowsWithTokens } from './accounting.js';
import { decodeTagged, fileNamed, parseDelimited, parseVertexJsonl } from './decode.js';
import { runWriter, tokenWriters, type WriterRun } from './run-writer.js';
import { readServerText } from './server-text.js';

/**
 * Property 3 (token projects): every span, arrow and answer of the input is in the output or named
 * in the report by its id, for every registered token format and every overlap policy. "In the
 * output" is read back from the output itself (decoded tags, parsed CSV records, JSONL
 * annotations, the re-read server JSON), not taken from the writer's bookkeeping.
 *
 * SPAN_AND_ARROW_VISUALIZATION is left out here: its output is a drawing (its own read-back tests
 * in test/formats/pdf check what is drawn); its report still takes part in property 2.
 */
const POLICIES: Array<ConvertOptions['overlap']> = ['first', 'longest', 'columns', 'error'];

/** Token documents, some with document questions answered (token formats must name those answers). */
export const tokenDocumentWithAnswersArb: fc.Arbitrary<Document> = fc
  .tuple(tokenDocumentArb, fc.option(fc.constantFrom<Array<string | boolean | string[]>>('yes', true, ['a', 'b']), { freq: 3 }))
  .map(([doc, answer]) => {
    if (answer === null) return doc;
    doc.documentQuestions = [
      { id: 0, name: 'topic', label: 'Topic', type: 'DROPDOWN', required: false, config: {} },
      { id: 1, name: 'note', label: 'Note', type: 'TEXT', required: false, config: {} },
    ];
    doc.documentAnswers = { '0': answer, '1': null };
    return doc;
  });

const optionsArb = fc.record({
  includeConflicts: fc.boolean(),
  labelSet: fc.nat({ max: 4 }),
  scheme: fc.constantFrom<ConvertOptions['scheme']>('IOB2', 'IOB1', 'IOBES', 'BILOU'),
  offsets: fc.constantFrom<ConvertOptions['offsets']>('codepoint', 'utf16', 'grapheme'),
});

type Check = (doc: Document, run: WriterRun, options: ConvertOptions) => void;

const tagKey = (p: { row: number; start: number; end: number; label: string }) => `${p.row}:${p.start}-${p.end}:${p.label}`;

/** What each format's output must hold for the spans the report does not name. */
export const SPAN_CHECKS: Record<string, Check> = {
  DATASAUR_SCHEMA(doc, run) {
    const read = readServerText(run.files![0].text, doc);
    expect(read.spans.map((s) => s.id).sort()).toEqual(doc.spans.map((s) => s.id).sort());
    expect(read.arrows.map((a) => a.id).sort()).toEqual(doc.arrows.map((a) => a.id).sort());
    expect(read.timestamps.map((t) => t.id).sort()).toEqual(doc.timestamps.map((t) => t.id).sort());
    expect(read.documentAnswers ?? null).toEqual(doc.documentAnswers ?? null);
  },
  JSON_ADVANCED(doc, run) {
    const read = readServerText(run.files![0].text, doc);
    expect(read.spans.map((s) => s.id).sort()).toEqual(doc.spans.map((s) => s.id).sort());
    expect(read.arrows.map((a) => a.id).sort()).toEqual(doc.arrows.map((a) => a.id).sort());
    expect(read.timestamps.map((t) => t.id).sort()).toEqual(doc.timestamps.map((t) => t.id).sort());
  },
  PLAIN(doc, run) {
    expect(keptSpans(doc, run.messages)).toEqual([]);
  },
  TSV_IOB(doc, run, options) {
    const rows = rowsWithTokens(doc);
    const decoded = decodeTagged(run.files![0].text, { scheme: options.scheme });
    const written = decoded.runs.map((r) => ({ ...r, row: rows[r.outRow] }));
    const expected = keptSpans(doc, run.messages).flatMap((s) => pieces(doc, s)).map((p) => ({ ...p, label: asTsvText(p.label) }));
    expect(multiset(written, tagKey)).toEqual(multiset(expected, tagKey));
  },
  TSV_NON_IOB(doc, run) {
    const rows = rowsWithTokens(doc);
    const written = decodeTagged(run.files![0].text, 'plain').runs.map((r) => ({ row: rows[r.outRow], start: r.start, end: r.end, label: r.label }));
    // Bare tags cannot show where one span ends and the next begins: compare tagged tokens.
    // A label named O is renamed (a bare O tag means "no label"), and the rename reported.
    const tag = (label: string) => (label === 'O' && run.messages.some((m) => m.kind === 'LabelRenamed' && m.label === 'O') ? 'O_' : label);
    const expected = keptSpans(doc, run.messages)
      .flatMap((s) => pieces(doc, s))
      .flatMap((p) => Array.from({ length: p.end - p.start + 1 }, (_, i) => ({ row: p.row, start: p.start + i, end: p.start + i, label: tag(asTsvText(p.label)) })));
    expect(multiset(written, tagKey)).toEqual(multiset(expected, tagKey));
  },
  CSV(doc, run) {
    const [, ...records] = parseDelimited(run.files![0].text);
    const written = records.map((r) => `${r[1]}:${r[4]}:${r[5]}`);
    const expected = keptSpans(doc, run.messages)
      .flatMap((s) => pieces(doc, s))
      .map((p) => `${p.row}:${p.label}:${p.span.labeledBy === 'CONFLICT' ? 'CONFLICT' : p.span.status}`);
    expect(written.sort()).toEqual(expected.sort());
  },
  AMAZON_COMPREHEND_CSV(doc, run) {
    const [, ...records] = parseDelimited(fileNamed(run.files!, '.csv').text);
    const plain = fileNamed(run.files!, '.txt');
    expect(records.length).toBe(keptSpans(doc, run.messages).length);
    for (const r of records) expect(r[0]).toBe(plain.name);
  },
  AZURE_AUTOML_CSV(doc, run) {
    const rows = rowsWithTokens(doc);
    const written = decodeTagged(run.files![0].text, { scheme: 'IOB2' }).runs.map((r) => `${rows[r.outRow]}:${r.start}-${r.end}`);
    const expected = keptSpans(doc, run.messages).flatMap((s) => pieces(doc, s)).map((p) => `${p.row}:${p.start}-${p.end}`);
    expect(written.sort()).toEqual(expected.sort());
  },
  GCP_VERTEX_AI_CSV(doc, run) {
    const [line] = parseVertexJsonl(fileNamed(run.files!, '.jsonl').text);
    expect(line.textSegmentAnnotations.length).toBe(keptSpans(doc, run.messages).length);
  },
  HF_TOKEN_CLASSIFICATION(doc, run, options) {
    // Tag ids → names from dataset_info.json → decoded runs, one record per model row.
    const names: string[] = JSON.parse(fileNamed(run.files!, '/dataset_info.json').text).features.ner_tags.feature.names;
    const records = fileNamed(run.files!, '/train.jsonl').text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { tokens: string[]; ner_tags: number[] });
    expect(records.length).toBe(doc.rows.length);
    const written = records.flatMap((record, row) => decodeNamedTags(record.ner_tags.map((id) => names[id]), options.scheme).map((r) => ({ ...r, row })));
    const expected = keptSpans(doc, run.messages).flatMap((s) => pieces(doc, s));
    expect(multiset(written, tagKey)).toEqual(multiset(expected, tagKey));
  },
  SPACY_JSONL(doc, run) {
    const records = run.files![0].text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { spans: Array<{ token_start: number; token_end: number; label: string }> });
    expect(records.length).toBe(doc.rows.length);
    const written = records.flatMap((record, row) => record.spans.map((s) => ({ row, start: s.token_start, end: s.token_end, label: s.label })));
    const expected = keptSpans(doc, run.messages).flatMap((s) => pieces(doc, s));
    expect(multiset(written, tagKey)).toEqual(multiset(expected, tagKey));
  },
  CONLL_2003(doc, run, options) {
    // "word POS chunk NE": the tag is everything after the third space (a label may hold spaces).
    const body = run.files![0].text.replace(/^-DOCSTART- -X- -X- O\n\n/, '');
    const rows = rowsWithTokens(doc);
    const sentences = body.split('\n\n').filter(Boolean).map((block) => block.split('\n').map((line) => line.split(' ').slice(3).join(' ')));
    const written = sentences.flatMap((tags, i) => decodeNamedTags(tags, options.scheme).map((r) => ({ ...r, row: rows[i] })));
    const expected = keptSpans(doc, run.messages).flatMap((s) => pieces(doc, s)).map((p) => ({ ...p, label: asTsvText(p.label) }));
    expect(multiset(written, tagKey)).toEqual(multiset(expected, tagKey));
  },
};

/**
 * Runs from one sentence's tag names, through the project's tagged-TSV reader (its own decoder):
 * the tags' labels are swapped for placeholders first, so labels holding tabs or spaces survive.
 */
function decodeNamedTags(tags: readonly string[], scheme: ConvertOptions['scheme']): Array<{ start: number; end: number; label: string }> {
  const labels: string[] = [];
  const placeholder = (tag: string) => {
    if (tag === 'O') return 'O';
    const label = tag.slice(2);
    let i = labels.indexOf(label);
    if (i < 0) i = labels.push(label) - 1;
    return `${tag.slice(0, 2)}L${i}`;
  };
  if (tags.length === 0) return [];
  const text = tags.map((tag) => `x\t${placeholder(tag)}\n`).join('') + '\n';
  return decodeTagged(text, { scheme }).runs.map((r) => ({ start: r.start, end: r.end, label: labels[Number(r.label.slice(1))] }));
}

/** Formats that carry arrows, timestamps and document answers themselves. */
const CARRIES_ARROWS = new Set(['DATASAUR_SCHEMA', 'JSON_ADVANCED']);
const CARRIES_DOCUMENT_ANSWERS = new Set(['DATASAUR_SCHEMA']);
const NOT_DECODED = new Set(['SPAN_AND_ARROW_VISUALIZATION']);

describe('property 3: nothing silently lost (token projects)', { timeout: PROPERTY_TIMEOUT }, () => {
  it('every registered token format has an output check here', () => {
    for (const writer of tokenWriters()) if (!NOT_DECODED.has(writer.name)) expect(Object.keys(SPAN_CHECKS), `add a check for ${writer.name}`).toContain(writer.name);
  });

  it('every span, arrow and document answer is in the output or named in the report, for every format × overlap policy', async () => {
    const writers = tokenWriters().filter((w) => !NOT_DECODED.has(w.name));
    await fc.assert(
      fc.asyncProperty(tokenDocumentWithAnswersArb, optionsArb, async (doc, partial) => {
        for (const overlap of POLICIES) {
          const options = { ...partial, overlap, labelSet: partial.labelSet % doc.labelSets.length };
          for (const writer of writers) {
            const run = await runWriter(writer, doc, options);
            const where = `${writer.name} --overlap ${overlap}`;
            expect(run.error, where).toBeUndefined();
            const named = namedIds(run.messages);
            if (!CARRIES_ARROWS.has(writer.name)) for (const a of doc.arrows) expect(named.has(a.id), `${where}: arrow ${a.id}`).toBe(true);
            if (!CARRIES_ARROWS.has(writer.name)) for (const t of doc.timestamps) expect(named.has(t.id), `${where}: timestamp ${t.id}`).toBe(true);
            if (!CARRIES_DOCUMENT_ANSWERS.has(writer.name)) {
              for (const [question, answer] of Object.entries(doc.documentAnswers ?? {})) {
                if (isAnswered(answer)) expect(named.has(question), `${where}: document answer ${question}`).toBe(true);
              }
            }
            try {
              SPAN_CHECKS[writer.name](doc, run, resolveOptions(options));
            } catch (error) {
              throw new Error(`${where}: ${(error as Error).message}`, { cause: error });
            }
          }
        }
      }),
      propertyParams(HEAVY_RUNS * 2),
    );
  });
});
