import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInput } from '../../src/node/read-input.js';
import { writeFormat } from '../../src/core/convert.js';
import { contentBytes } from '../../src/core/formats/content.js';
import { createTransformer, type SandboxedTransformer } from '../../src/node/transformer/load.js';
import { sample } from '../helpers/samples.js';
import { TEMPLATE } from './helpers.js';

/** Every token-project sample: server ZIPs (JSON_ADVANCED, audio transcripts) and token TSVs. */
const TOKEN_SAMPLES = [
  sample('token-json-advanced', 'Project 1.zip'),
  sample('token-json-advanced', 'Project 2.zip'),
  sample('audio-json-advanced', '_Uniphore_ Datasaur Dataset_FRYWjo0dORv.zip'),
  sample('token-tsv', 'littleprince.tsv'),
  sample('token-tsv', 'sherlockholmes-dependency.tsv'),
  sample('datasets', 'ncbi-disease-iob.tsv'),
];

describe('CUSTOM with the documented template', () => {
  let transformer: SandboxedTransformer;
  beforeAll(async () => {
    transformer = await createTransformer(TEMPLATE, { file: 'template.ts' });
  });
  afterAll(() => transformer.close());

  it.each(TOKEN_SAMPLES)('gives PLAIN\'s bytes and file name for every document of %s', async (input) => {
    const { documents } = await readInput(input, { cabinet: 'all' });
    expect(documents.length).toBeGreaterThan(0);
    for (const doc of documents) {
      expect(doc.kinds).toContain('TOKEN_BASED');
      const plain = await writeFormat(doc, 'PLAIN');
      const custom = await writeFormat(doc, 'CUSTOM', { options: { transformer } });
      expect(custom.report.all().filter((m) => m.kind === 'TransformerFailed')).toEqual([]);
      expect(custom.files.map((f) => f.name)).toEqual(plain.files.map((f) => f.name));
      const [want, got] = [await contentBytes(plain.files[0].content), await contentBytes(custom.files[0].content)];
      expect(got.length).toBeGreaterThan(0);
      expect(Buffer.from(got).equals(Buffer.from(want)), `${doc.cabinet.folder}/${doc.name}`).toBe(true);
    }
  }, 120_000);
});
