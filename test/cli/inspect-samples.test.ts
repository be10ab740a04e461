import { describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { cli } from '../helpers/cli.js';
import { SAMPLES, sampleZips, sample } from '../helpers/samples.js';

/**
 * Must show (issue 2): `inspect` prints correct counts for every ZIP in ../shared/samples. The
 * expected numbers are computed here independently: straight from the ZIP entries with JSON.parse
 * (or by counting CSV lines), without the project's readers.
 */
interface Expected {
  cabinet: string;
  name: string;
  rows: number;
  tokens: number;
  spans: number;
  timestamps: number;
  arrows: number;
  boxes: number;
  answers: number;
  spansByLabelSet: Record<string, number>;
}

async function independentCounts(zipPath: string): Promise<Expected[]> {
  const zip = await JSZip.loadAsync(await fs.readFile(zipPath));
  const out: Expected[] = [];
  for (const entry of Object.values(zip.files)) {
    const parts = entry.name.split('/');
    if (entry.dir || parts.length !== 3) continue;
    const text = await entry.async('string');
    const base = { cabinet: parts[1], rows: 0, tokens: 0, spans: 0, timestamps: 0, arrows: 0, boxes: 0, answers: 0, spansByLabelSet: {} as Record<string, number> };
    if (parts[2].endsWith('.csv')) {
      // The row sample has no quoted line breaks: lines = header + rows.
      out.push({ ...base, name: parts[2], rows: text.split('\r\n').filter(Boolean).length - 1 });
      continue;
    }
    const json = JSON.parse(text);
    const name = parts[2].replace(/\.json$/, '');
    if (json.sentences) {
      const labels = json.labels as Array<{ type: string; layer: number }>;
      const bySet: Record<string, number> = {};
      for (const set of json.labelSets) bySet[String(set.index)] = 0;
      for (const l of labels) if (l.type === 'SPAN') bySet[String(l.layer)]++;
      out.push({
        ...base,
        name,
        rows: json.sentences.length,
        tokens: json.sentences.reduce((s: number, x: { tokens: string[] }) => s + x.tokens.length, 0),
        spans: labels.filter((l) => l.type === 'SPAN').length,
        timestamps: labels.filter((l) => l.type === 'TIMESTAMP').length,
        arrows: labels.filter((l) => l.type === 'ARROW').length,
        spansByLabelSet: bySet,
      });
    } else {
      const answers = Object.values(json.data.documentAnswerSet ?? {}).filter((v) => v !== null && v !== '').length;
      out.push({ ...base, name, boxes: json.data.bboxLabels.length, answers });
    }
  }
  return out;
}

describe('inspect prints correct counts for every sample ZIP', async () => {
  for (const zipPath of await sampleZips()) {
    it(path.relative(SAMPLES, zipPath), async () => {
      const { code, stdout } = await cli('inspect', zipPath, '--json');
      expect(code).toBe(0);
      const result = JSON.parse(stdout);
      expect(result.projects).toHaveLength(1);
      const docs = result.projects[0].documents;
      const expected = await independentCounts(zipPath);
      expect(docs).toHaveLength(expected.length);
      for (const e of expected) {
        const d = docs.find((x: { cabinet: string; name: string }) => x.cabinet === e.cabinet && x.name === e.name);
        expect(d, `${e.cabinet}/${e.name}`).toBeDefined();
        expect({ rows: d.rows, spans: d.spans, timestamps: d.timestamps, arrows: d.arrows, boundingBoxes: d.boundingBoxes, answers: d.rowAnswers + d.documentAnswers }).toEqual({
          rows: e.rows,
          spans: e.spans,
          timestamps: e.timestamps,
          arrows: e.arrows,
          boundingBoxes: e.boxes,
          answers: e.answers,
        });
        expect(d.tokens).toBe(e.tokens);
        if (Object.keys(e.spansByLabelSet).length) expect(d.spansByLabelSet).toEqual(e.spansByLabelSet);
      }
    });
  }

  it('the audio sample: 10 documents × 4 cabinets, 3 label sets, SPAN and TIMESTAMP labels counted per document', async () => {
    const { stdout } = await cli('inspect', sample('audio-json-advanced', '_Uniphore_ Datasaur Dataset_FRYWjo0dORv.zip'), '--json');
    const [project] = JSON.parse(stdout).projects;
    expect(project.cabinets).toHaveLength(4);
    expect(new Set(project.documents.map((d: { name: string }) => d.name)).size).toBe(10);
    expect(project.documents).toHaveLength(40);
    for (const d of project.documents.filter((x: { cabinet: string }) => x.cabinet !== 'REVIEW' && !x.cabinet.startsWith('ROOT'))) {
      expect(Object.keys(d.spansByLabelSet)).toEqual(['0', '1', '2']);
    }
    const review = project.documents.filter((d: { cabinet: string }) => d.cabinet === 'REVIEW');
    expect(review).toHaveLength(10);
    // SPAN and TIMESTAMP labels are counted per document (the per-document equality is checked above).
    expect(review.some((d: { spans: number; timestamps: number }) => d.spans > 0 && d.timestamps > 0)).toBe(true);
  });

  it('the text table names the project, cabinets and counts', async () => {
    const { stdout } = await cli('inspect', sample('token-json-advanced', 'Project 2.zip'));
    expect(stdout).toContain('project "Project 2" id 7jZfD7celKB [TOKEN_BASED]: 1 document(s) × 2 cabinet(s)');
    expect(stdout).toMatch(/REVIEW\s+little prince\.txt\s+7\s+190/);
    expect(stdout).toContain('problems: none');
  });
});
