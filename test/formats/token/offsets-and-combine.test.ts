import { describe, expect, it } from 'vitest';
import { graphemes } from '../../../src/core/model/offsets.js';
import { richTokenDocument, smallTokenDocument } from './fixture.js';
import { write, writeCombined } from './writers.js';

const slicers = {
  codepoint: (s: string, a: number, b: number) => Array.from(s).slice(a, b).join(''),
  utf16: (s: string, a: number, b: number) => s.slice(a, b),
  grapheme: (s: string, a: number, b: number) => graphemes(s).slice(a, b).join(''),
};

describe('offsets in every unit point at the same characters (emoji, ZWJ sequence, combining marks, char-level span)', () => {
  const expected = ['Ada Lovelace', 'Cafe\u0301 Zoe\u0308', '🧮', '👩‍💻', 'cod', 'The Analytical'];
  for (const unit of ['codepoint', 'utf16', 'grapheme'] as const) {
    it(`Comprehend, ${unit}`, async () => {
      const { files } = await write('AMAZON_COMPREHEND_CSV', richTokenDocument(), { offsets: unit });
      const lines = files[1].text.split('\n');
      const records = files[0].text.trimEnd().split('\r\n').slice(1).map((r) => r.split(','));
      expect(records.map(([, line, begin, end]) => slicers[unit](lines[Number(line)], Number(begin), Number(end)))).toEqual(expected);
    });
    it(`Vertex, ${unit} (whole-text offsets, the cross-row span included)`, async () => {
      const { files } = await write('GCP_VERTEX_AI_CSV', richTokenDocument(), { offsets: unit });
      const { textContent, textSegmentAnnotations } = JSON.parse(files[0].text);
      const texts = textSegmentAnnotations.map((a: { startOffset: number; endOffset: number }) => slicers[unit](textContent, a.startOffset, a.endOffset));
      expect(texts).toEqual(['Ada Lovelace', 'Cafe\u0301 Zoe\u0308', '.\nShe loved', '🧮', '👩‍💻', 'cod', 'The Analytical']);
    });
  }
});

describe('--combine: one training file for the documents of a cabinet', () => {
  const docs = () => [richTokenDocument(), smallTokenDocument()];
  it('Comprehend: one annotation file whose File column names each document text', async () => {
    const { files } = await writeCombined('AMAZON_COMPREHEND_CSV', docs());
    expect(files.map((f) => f.name)).toEqual(['Token fixture-P9.csv']);
    const perDoc = await Promise.all(docs().map((d) => write('AMAZON_COMPREHEND_CSV', d)));
    const body = (t: string) => t.split('\r\n').slice(1).join('\r\n');
    expect(body(files[0].text)).toBe(perDoc.map((r) => body(r.files[0].text)).join(''));
    expect(files[0].text).toContain('small.txt,0,0,12,PER');
  });
  it('Azure: the sentences of every document in one file', async () => {
    const { files } = await writeCombined('AZURE_AUTOML_CSV', docs());
    const perDoc = await Promise.all(docs().map((d) => write('AZURE_AUTOML_CSV', d)));
    expect(files[0]).toEqual({ name: 'Token fixture-P9.conll', text: perDoc.map((r) => r.files[0].text).join('') });
  });
  it('Vertex: one JSONL line per document and an import CSV naming that file', async () => {
    const { files } = await writeCombined('GCP_VERTEX_AI_CSV', docs(), { mlUse: 'validation' });
    expect(files.map((f) => f.name)).toEqual(['Token fixture-P9.jsonl', 'Token fixture-P9.csv']);
    expect(files[0].text.trimEnd().split('\n').map((l) => JSON.parse(l).textContent.split('\n')[0])).toEqual(['Ada Lovelace visited Cafe\u0301 Zoe\u0308 in London .', 'Grace Hopper wrote COBOL .']);
    expect(files[1].text).toBe('validation,gs://datasaur-test/exports/Token fixture-P9.jsonl\r\n');
  });
  it('Vertex without --gcs-prefix writes the JSONL and reports the import CSV it could not write', async () => {
    const { files, report } = await write('GCP_VERTEX_AI_CSV', richTokenDocument(), { gcsPrefix: undefined });
    expect(files.map((f) => f.name)).toEqual([files[0].name]);
    expect(files[0].name).toMatch(/\.jsonl$/);
    expect(report.all().filter((m) => m.kind === 'ImportFileNotWritten')).toHaveLength(1);
    const withPrefix = await write('GCP_VERTEX_AI_CSV', richTokenDocument());
    expect(withPrefix.report.count({ kind: 'ImportFileNotWritten' })).toBe(0);
  });
  it('Vertex refuses a --gcs-prefix that is not gs:// and an unknown --ml-use', async () => {
    await expect(write('GCP_VERTEX_AI_CSV', richTokenDocument(), { gcsPrefix: 'bucket/x' })).rejects.toMatchObject({ code: 'BAD_OPTION' });
    await expect(write('GCP_VERTEX_AI_CSV', richTokenDocument(), { mlUse: 'train' })).rejects.toMatchObject({ code: 'BAD_OPTION', where: '--ml-use' });
  });
});
