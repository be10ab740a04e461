import { describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { parseDocumentText } from '../../src/core/read/index.js';
import { readInput } from '../../src/node/read-input.js';
import { Report } from '../../src/core/report/report.js';
import { serializeDatasaurSchema } from '../../src/core/formats/schema/datasaur-schema.js';

const fixture = (...p: string[]) => path.resolve(__dirname, '../../fixtures', ...p);

describe('DATASAUR_SCHEMA reader', () => {
  it('keeps unknown keys, reports each path once as UnknownField, and writes them back', async () => {
    const value = JSON.parse(await fs.readFile(fixture('token-project/REVIEW/curie.txt.json'), 'utf8'));
    value.data.futureField = { x: 1 };
    for (const s of value.data.spanLabels) s.confidence = 0.9;
    const text = JSON.stringify(value) + '\n';
    const report = new Report();
    const doc = parseDocumentText(text, { file: 'f.json', report });
    const unknown = report.all().filter((m) => m.kind === 'UnknownField');
    expect(unknown.map((m) => m.place?.jsonPath)).toEqual(['$.data.futureField', '$.data.spanLabels[0].confidence']);
    expect(unknown.every((m) => m.severity === 'info')).toBe(true);
    expect(serializeDatasaurSchema(doc)).toBe(text);
  });

  it('accepts the documented aliases: labelSetIndex, headers, rowAnswers with Q<id> keys, documentAnswers', () => {
    const text = JSON.stringify({
      version: '1',
      data: {
        project: { id: 'p', name: 'P' },
        document: { id: 'd', name: 't.csv' },
        kinds: ['ROW_BASED', 'DOCUMENT_BASED', 'TOKEN_BASED'],
        headers: ['text', 'label'],
        rows: [[{ content: 'a b', tokens: ['a', 'b'] }, { content: 'x', tokens: ['x'] }]],
        labelSets: [{ labelItems: [{ id: 1, labelName: 'A' }] }, { labelItems: [{ id: 1, labelName: 'B' }] }],
        spanLabels: [{ id: 5, labelItem: { id: 1 }, labelSetIndex: 1, textPosition: { start: { row: 0, tokenIndex: 0 }, end: { row: 0, tokenIndex: 1 } } }],
        rowQuestions: [{ id: 3, label: 'Q', type: 'TEXT' }],
        rowAnswers: [{ line: 0, answers: { Q3: 'yes' } }],
        documentQuestions: [{ id: 0, label: 'D', type: 'TEXT' }],
        documentAnswers: { Q0: 'doc' },
      },
    });
    const doc = parseDocumentText(text, { file: 'alias.json' });
    expect(doc.columns.map((c) => c.name)).toEqual(['text', 'label']);
    expect(doc.spans[0]).toMatchObject({ layer: 1, labelName: 'B', end: { token: 1, char: 0 } });
    expect(doc.rowAnswers).toEqual({ '0': { '3': 'yes' } });
    expect(doc.documentAnswers).toEqual({ '0': 'doc' });
  });

  it('finds the label set of a span without layer from its label item, and refuses an ambiguous one', () => {
    const base = {
      version: '1',
      data: {
        project: { id: 'p', name: 'P' },
        document: { id: 'd', name: 't.txt' },
        rows: [[{ content: 'a', tokens: ['a'] }]],
        labelSets: [{ labelItems: [{ id: 'x', labelName: 'X' }] }, { labelItems: [{ id: 'y', labelName: 'Y' }] }],
        spanLabels: [{ id: 1, labelItem: { id: 'y' }, textPosition: { start: { row: 0, tokenIndex: 0 }, end: { row: 0, tokenIndex: 0 } } }],
      },
    };
    expect(parseDocumentText(JSON.stringify(base), { file: 'a.json' }).spans[0].layer).toBe(1);
    base.data.labelSets[0].labelItems.push({ id: 'y', labelName: 'Y0' });
    expect(() => parseDocumentText(JSON.stringify(base), { file: 'a.json' })).toThrow(/label item "y" is in label sets 0 and 1/);
  });
});

describe('inputs: folders, single files, several projects in one ZIP', () => {
  it('reads a folder in the export layout like its ZIP', async () => {
    const fromZip = await readInput(fixture('token-project.zip'));
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dx-folder-'));
    const zip = await JSZip.loadAsync(await fs.readFile(fixture('token-project.zip')));
    for (const entry of Object.values(zip.files)) {
      if (entry.dir) continue;
      await fs.mkdir(path.dirname(path.join(tmp, entry.name)), { recursive: true });
      await fs.writeFile(path.join(tmp, entry.name), await entry.async('uint8array'));
    }
    const fromFolder = await readInput(tmp);
    const shape = (r: typeof fromZip) => r.projects.map((p) => ({ name: p.name, id: p.id, docs: p.documents.map((d) => `${d.cabinet.folder}/${d.name}:${d.spans.length}`).sort() }));
    expect(shape(fromFolder)).toEqual(shape(fromZip));
    expect(fromZip.projects[0]).toMatchObject({ name: 'Fixture token [NER]', id: 'FxTok3n01' });
  });

  it('reads a single document file', async () => {
    const result = await readInput(fixture('row-project/REVIEW/news.csv.json'));
    expect(result.projects).toHaveLength(1);
    expect(result.projects[0].documents[0]).toMatchObject({ name: 'news.csv', kinds: ['ROW_BASED'] });
  });

  it('reads several projects from one ZIP', async () => {
    const zip = new JSZip();
    for (const name of ['token-project', 'row-project']) {
      const inner = await JSZip.loadAsync(await fs.readFile(fixture(`${name}.zip`)));
      for (const entry of Object.values(inner.files)) if (!entry.dir) zip.file(entry.name, await entry.async('uint8array'));
    }
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'dx-multi-')), 'two.zip');
    await fs.writeFile(file, await zip.generateAsync({ type: 'uint8array' }));
    const result = await readInput(file, { cabinet: 'REVIEW' });
    expect(result.projects.map((p) => p.name).sort()).toEqual(['Fixture rows', 'Fixture token [NER]']);
    expect(result.projects.every((p) => p.documents.length === 1)).toBe(true);
  });

  it('selects cabinets by role, labeler e-mail or all', async () => {
    const count = async (cabinet: string) => (await readInput(fixture('token-project.zip'), { cabinet })).projects[0].documents.map((d) => d.cabinet.folder);
    expect(await count('REVIEW')).toEqual(['REVIEW']);
    expect(await count('ROOT')).toEqual(['ROOT-ana_labeler_example_com']);
    expect(await count('ana.labeler@example.com')).toEqual(['DOCUMENT-ana_labeler_example_com']);
    expect(await count('all')).toHaveLength(3);
  });
});
