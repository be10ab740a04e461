import { describe, expect, it } from 'vitest';
import { tokenDocument } from '../../../src/core/model/build.js';
import { conll2003Writer } from '../../../src/core/formats/ml/conll-2003.js';
import { lintAzureConll } from '../../../src/core/formats/validate/index.js';
import { InputError } from '../../../src/core/errors.js';
import { text, writeWith } from '../ml/helpers.js';
import { write } from './writers.js';

/** Issue 13 item 6: label names with spaces in whitespace-separated tag columns. */
function greetingDocument() {
  return tokenDocument({
    name: 'call.txt',
    rows: [['Hello', 'there', 'sir'], ['Bye']],
    labelSets: [['Interaction Greeting', 'Interaction_Greeting']],
    spans: [
      { id: 's1', label: 'Interaction Greeting', start: [0, 0], end: [0, 1] },
      { id: 's2', label: 'Interaction_Greeting', start: [1, 0], end: [1, 0] },
    ],
  });
}

const kinds = (messages: Array<{ kind: string }>) => messages.map((m) => m.kind);

describe('TagHasSpace and --tag-space', () => {
  it('TSV_IOB and TSV_NON_IOB keep the name by default (as the server does) and warn once per label', async () => {
    const iob = await write('TSV_IOB', greetingDocument());
    expect(iob.files[0].text).toBe('Hello\tB-Interaction Greeting\nthere\tI-Interaction Greeting\nsir\tO\n\nBye\tB-Interaction_Greeting\n\n');
    expect(iob.report.all().filter((m) => m.kind === 'TagHasSpace')).toMatchObject([{ severity: 'warning', label: 'Interaction Greeting' }]);
    const plain = await write('TSV_NON_IOB', greetingDocument());
    expect(plain.files[0].text).toContain('Hello\tInteraction Greeting\n');
    expect(kinds(plain.report.all())).toEqual(['TagHasSpace']);
  });

  it('--tag-space _ replaces the spaces (reported as a rename) without merging into a label that already has that name', async () => {
    const { files, report } = await write('TSV_IOB', greetingDocument(), { tagSpace: '_' });
    expect(files[0].text).toBe('Hello\tB-Interaction_Greeting_2\nthere\tI-Interaction_Greeting_2\nsir\tO\n\nBye\tB-Interaction_Greeting\n\n');
    expect(kinds(report.all())).toEqual(['LabelRenamed']);
  });

  it('CONLL_2003 warns by default and replaces with --tag-space', async () => {
    const kept = await writeWith(conll2003Writer, greetingDocument());
    expect(text(kept.files, 'call.txt.conll')).toContain('Hello -X- -X- B-Interaction Greeting\n');
    expect(kinds(kept.report.all())).toEqual(['TagHasSpace']);
    const replaced = await writeWith(conll2003Writer, greetingDocument(), { tagSpace: '-' });
    expect(text(replaced.files, 'call.txt.conll')).toContain('Hello -X- -X- B-Interaction-Greeting\n');
    expect(kinds(replaced.report.all())).toEqual(['LabelRenamed']);
  });

  it('Azure CoNLL always replaces (Azure refuses a space in a label), with _ or the --tag-space string, and passes its validator', async () => {
    const underscore = await write('AZURE_AUTOML_CSV', greetingDocument());
    // Azure's namer is first come, first served; the two labels still stay apart.
    expect(underscore.files[0].text).toBe('Hello B-Interaction_Greeting\nthere I-Interaction_Greeting\nsir O\n\nBye B-Interaction_Greeting_2\n\n');
    const dash = await write('AZURE_AUTOML_CSV', greetingDocument(), { tagSpace: '-' });
    expect(dash.files[0].text).toContain('Hello B-Interaction-Greeting\n');
    expect(lintAzureConll(dash.files[0].text).issues).toEqual([]);
    expect(kinds(dash.report.all())).not.toContain('TagHasSpace');
  });

  it('a replacement holding whitespace is a usage error', async () => {
    await expect(write('TSV_IOB', greetingDocument(), { tagSpace: ' ' })).rejects.toBeInstanceOf(InputError);
  });
});
