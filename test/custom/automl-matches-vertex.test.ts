import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFormat } from '../../src/core/convert.js';
import { resolveOptions } from '../../src/core/formats/options.js';
import { eligibleSpans } from '../../src/core/formats/token/eligible.js';
import type { Document } from '../../src/core/model/types.js';
import { Report } from '../../src/core/report/report.js';
import { readInput } from '../../src/node/read-input.js';
import { createTransformer, type SandboxedTransformer } from '../../src/node/transformer/load.js';
import { sample } from '../helpers/samples.js';
import { TRANSFORMERS, text } from './helpers.js';

interface Segment {
  start: number;
  end: number;
  name?: string | null;
}

/**
 * Our rewrite of the vendor's Google AutoML sample (fixtures/transformers/automl-entities.ts) must
 * put every span where our GCP_VERTEX_AI_CSV writer puts it (both: offsets into the document's
 * text, code points, end exclusive). Vertex keeps one label set and drops overlaps, so each span
 * is written by the Vertex writer alone (a copy of the document holding only that span, its label
 * set selected): every span is compared, none hidden by Vertex's own choices.
 *
 * The token-json-advanced sample the issue names has no labels (both documents are unlabeled), so
 * the comparison also runs on the audio JSON_ADVANCED sample (SPAN labels in 3 label sets) and on
 * our token fixture (nested, overlapping and cross-row spans, character-level spans).
 */
const INPUTS = [
  sample('token-json-advanced', 'Project 1.zip'),
  sample('token-json-advanced', 'Project 2.zip'),
  sample('audio-json-advanced', '_Uniphore_ Datasaur Dataset_FRYWjo0dORv.zip'),
  path.resolve(__dirname, '../../fixtures/token-project.zip'),
];

/** What the Vertex writer gives for one span, alone in its document (undefined: Vertex writes none). */
async function vertexSegment(doc: Document, spanIndex: number): Promise<Segment | undefined> {
  const span = doc.spans[spanIndex]!;
  const alone: Document = { ...doc, spans: [span], arrows: [] };
  const { files } = await writeFormat(alone, 'GCP_VERTEX_AI_CSV', { options: { labelSet: span.layer } });
  const jsonl = files.find((f) => f.name.endsWith('.jsonl'))!;
  const line = JSON.parse(await text(jsonl)) as { textSegmentAnnotations: Array<{ startOffset: number; endOffset: number }> };
  expect(line.textSegmentAnnotations.length, `span ${span.id}`).toBeLessThanOrEqual(1);
  const [annotation] = line.textSegmentAnnotations;
  return annotation && { start: annotation.startOffset, end: annotation.endOffset };
}

describe('the AutoML sample transformer (our rewrite) against GCP_VERTEX_AI_CSV', () => {
  let transformer: SandboxedTransformer;
  beforeAll(async () => {
    const file = path.join(TRANSFORMERS, 'automl-entities.ts');
    transformer = await createTransformer(await readFile(file, 'utf8'), { file });
  });
  afterAll(() => transformer.close());

  it('gives the same entity offsets as the Vertex writer for every span of every document', async () => {
    let compared = 0;
    for (const input of INPUTS) {
      const { documents } = await readInput(input, { cabinet: 'all' });
      expect(documents.length, input).toBeGreaterThan(0);
      for (const doc of documents) {
        const custom = await writeFormat(doc, 'CUSTOM', { options: { transformer } });
        expect(custom.report.all().filter((m) => m.kind === 'TransformerFailed')).toEqual([]);
        const line = JSON.parse(await text(custom.files[0]!)) as {
          annotations: Array<{ text_extraction: { text_segment: { start_offset: number; end_offset: number } }; display_name: string }>;
          text_snippet: { content: string };
        };
        // The transformer's text is PLAIN's text without its final newline, as the sample builds it.
        const vertexText = JSON.parse(await text((await writeFormat(doc, 'GCP_VERTEX_AI_CSV')).files[0]!)) as { textContent: string };
        expect(line.text_snippet.content + '\n').toBe(vertexText.textContent);

        // The spans the transformer was given, in its order (the same status filter as the token formats).
        const given = eligibleSpans(doc, { options: resolveOptions({}), report: new Report() });
        const expected: Segment[] = [];
        for (const span of given) {
          const segment = await vertexSegment(doc, doc.spans.indexOf(span));
          if (segment) expected.push({ ...segment, name: span.labelName });
        }
        const got = line.annotations.map((a) => ({ start: a.text_extraction.text_segment.start_offset, end: a.text_extraction.text_segment.end_offset, name: a.display_name }));
        expect(got, `${doc.cabinet.folder}/${doc.name}`).toEqual(expected);
        compared += expected.length;
      }
    }
    // The audio sample and the fixture have spans: the comparison is not empty.
    expect(compared).toBeGreaterThanOrEqual(30);
  }, 300_000);
});
