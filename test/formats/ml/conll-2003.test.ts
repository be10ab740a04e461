import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTaggedTsv } from '../../../src/core/read/tagged-tsv.js';
import { conll2003Writer } from '../../../src/core/formats/ml/conll-2003.js';
import { tokenDocument } from '../../../src/core/model/build.js';
import { sample } from '../../helpers/samples.js';
import { smallTokenDocument } from '../token/fixture.js';
import { text, writeCombinedWith, writeWith } from './helpers.js';

describe('CONLL_2003', () => {
  it('ncbi-disease-iob.tsv: -DOCSTART- -X- -X- O, an empty line, then "word -X- -X- tag" lines equal to the source token/tag lines', async () => {
    const source = readFileSync(sample('datasets', 'ncbi-disease-iob.tsv'), 'utf8');
    const { files, report } = await writeWith(conll2003Writer, readTaggedTsv(source, { file: 'ncbi.tsv' }));
    const written = text(files, 'ncbi.tsv.conll');
    expect(written.startsWith('-DOCSTART- -X- -X- O\n\n')).toBe(true);
    const body = written.slice('-DOCSTART- -X- -X- O\n\n'.length);
    expect(body).toBe(source.replace(/^([^\t\n]+)\t(.+)$/gm, '$1 -X- -X- $2'));
    expect(report.all()).toEqual([]);
  });

  it('--scheme IOB1 gives the tags of the 2003 files; --combine starts each document with -DOCSTART-', async () => {
    const doc = smallTokenDocument();
    expect(text((await writeWith(conll2003Writer, doc, { scheme: 'IOB1' })).files, 'small.txt.conll')).toBe(
      '-DOCSTART- -X- -X- O\n\nGrace -X- -X- I-PER\nHopper -X- -X- I-PER\nwrote -X- -X- O\nCOBOL -X- -X- I-MISC\n. -X- -X- O\n\n',
    );
    const other = smallTokenDocument();
    other.name = 'other.txt';
    const combined = text((await writeCombinedWith(conll2003Writer, [doc, other])).files, `${doc.project.folder}.conll`);
    expect(combined.match(/^-DOCSTART- -X- -X- O$/gm)).toHaveLength(2);
  });

  it('whitespace inside a token becomes _ and is reported; rows without tokens are left out', async () => {
    const doc = tokenDocument({ name: 'w.txt', rows: [{ content: 'New York', tokens: ['New York'] }, [], ['ok']], labelSets: [['LOC']], spans: [{ label: 'LOC', start: [0, 0], end: [0, 0] }] });
    const { files, report } = await writeWith(conll2003Writer, doc);
    expect(text(files, 'w.txt.conll')).toBe('-DOCSTART- -X- -X- O\n\nNew_York -X- -X- B-LOC\n\nok -X- -X- O\n\n');
    expect(report.all().map((m) => m.kind)).toEqual(['WhitespaceReplaced']);
  });
});
