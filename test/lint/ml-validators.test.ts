import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTaggedTsv } from '../../src/core/read/tagged-tsv.js';
import { readInput } from '../../src/node/read-input.js';
import { hfTokenClassificationWriter } from '../../src/core/formats/ml/hf-token-classification.js';
import { hfTextClassificationWriter } from '../../src/core/formats/ml/hf-text-classification.js';
import { spacyJsonlWriter } from '../../src/core/formats/ml/spacy-jsonl.js';
import { conll2003Writer } from '../../src/core/formats/ml/conll-2003.js';
import { cocoWriter } from '../../src/core/formats/ml/coco.js';
import { yoloWriter } from '../../src/core/formats/ml/yolo.js';
import { lintCoco, lintConll2003, lintFile, lintHfJsonl, lintSpacyJsonl, lintYoloLabels } from '../../src/core/formats/validate/index.js';
import { richTokenDocument } from '../formats/token/fixture.js';
import { mixedProject } from '../formats/table/fixtures.js';
import { text, writeWith } from '../formats/ml/helpers.js';
import { sample } from '../helpers/samples.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../client/helpers.js';

const rules = (issues: Array<{ rule: string }>) => issues.map((i) => i.rule);

describe('validators of the training-ready formats (lint --target hf|spacy|conll2003|coco|yolo)', async () => {
  const ncbi = readTaggedTsv(readFileSync(sample('datasets', 'ncbi-disease-iob.tsv'), 'utf8'), { file: 'ncbi.tsv' });
  const bbox = (await readInput(sample('bbox-datasaur-schema', 'bbox-export.zip'))).projects.flatMap((p) => p.documents);

  it('every output of the writers passes its validator (ncbi, the rich fixture, the agnews-like row project, every bbox document)', async () => {
    for (const doc of [ncbi, richTokenDocument()]) {
      const hf = await writeWith(hfTokenClassificationWriter, doc);
      const features = JSON.parse(text(hf.files, `${doc.name}/dataset_info.json`)).features;
      expect(lintHfJsonl(text(hf.files, `${doc.name}/train.jsonl`), { features }).issues).toEqual([]);
      expect(lintSpacyJsonl(text((await writeWith(spacyJsonlWriter, doc)).files, `${doc.name}.jsonl`)).issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(lintConll2003(text((await writeWith(conll2003Writer, doc, { tagSpace: '_' })).files, `${doc.name}.conll`)).issues).toEqual([]);
    }
    const rows = await writeWith(hfTextClassificationWriter, mixedProject());
    expect(lintHfJsonl(text(rows.files, 'reviews.csv/train.jsonl'), { features: JSON.parse(text(rows.files, 'reviews.csv/dataset_info.json')).features }).issues).toEqual([]);
    for (const doc of bbox) {
      const coco = lintCoco(text((await writeWith(cocoWriter, doc)).files, `${doc.name}.json`));
      expect(coco.issues).toEqual([]);
      expect(coco.counts.annotations).toBe(doc.boundingBoxes.length);
      const yolo = lintYoloLabels(text((await writeWith(yoloWriter, doc)).files, `${doc.name}/labels/${doc.name.replace(/\.[^.]+$/, '')}.txt`), { classCount: 3 });
      expect(yolo.issues).toEqual([]);
      expect(yolo.counts.boxes).toBe(doc.boundingBoxes.length);
    }
  });

  it('each validator names what a loader would refuse', () => {
    const features = { ner_tags: { feature: { names: ['O', 'B-X', 'I-X'], _type: 'ClassLabel' }, _type: 'Sequence' } };
    expect(rules(lintHfJsonl('{"id":"a","tokens":["x","y"],"ner_tags":[0]}\n{"id":"b","tokens":["x"],"ner_tags":[3]}\n{"id":"c","tokens":["x"]}\n', { features }).issues)).toEqual(['hf/tag-count', 'hf/class-id', 'hf/same-keys', 'hf/ner-tags']);
    expect(rules(lintHfJsonl('{"id":"a","text":"t","label":-1}\n').issues)).toEqual(['hf/class-id']);
    const spacy = '{"text":"ab cd","tokens":[{"text":"ab","start":0,"end":2,"id":0,"ws":true},{"text":"cd","start":3,"end":5,"id":1,"ws":false}],"spans":[{"start":1,"end":5,"token_start":0,"token_end":1,"label":"X"},{"start":3,"end":5,"token_start":1,"token_end":1,"label":"Y"}]}\n';
    expect(rules(lintSpacyJsonl(spacy).issues)).toEqual(['spacy/span-boundary', 'spacy/overlap']);
    expect(rules(lintConll2003('-DOCSTART- -X- -X- O\n\nHi -X- -X- B-Time of day\nyo -X- -X- Q\n\n').issues)).toEqual(['conll2003/columns', 'conll2003/tag']);
    const coco = { images: [{ id: 1, file_name: 'a.png', width: 10, height: 10 }], categories: [{ id: 1, name: 'c' }], annotations: [{ id: 1, image_id: 2, category_id: 9, bbox: [0, 0, 20, 1], segmentation: [[1, 2, 3]], iscrowd: 0, area: 1 }] };
    expect(rules(lintCoco(JSON.stringify(coco)).issues)).toEqual(['coco/image-ref', 'coco/category-ref', 'coco/segmentation']);
    expect(rules(lintYoloLabels('0 0.5 0.5 0.2 0.2\n3 0.5 0.5 1.2 0.1\n0 0.1 0.2 0.3\n', { classCount: 2 }).issues)).toEqual(['yolo/class', 'yolo/normalized', 'yolo/fields']);
    expect(lintFile('x.txt', '0 0.5 0.5 0.1 0.1\n', 'yolo').layout).toBe('detection');
  });

  it('`datasaur-export lint` reads the companions: dataset_info.json beside an HF JSONL, classes.txt beside the YOLO labels folder', async () => {
    const dir = await tempDir('dx-ml-lint-');
    try {
      await writeFile(join(dir, 'train.jsonl'), '{"id":"a","tokens":["x"],"ner_tags":[2]}\n');
      await writeFile(join(dir, 'dataset_info.json'), JSON.stringify({ features: { ner_tags: { feature: { names: ['O', 'B-X'], _type: 'ClassLabel' }, _type: 'Sequence' } } }));
      const hf = await cli('lint', join(dir, 'train.jsonl'), '--target', 'hf');
      expect(hf.code).toBe(1);
      expect(hf.stdout).toMatch(/error hf\/class-id: ner_tags: id 2 is past the 2 ClassLabel names/);
      await mkdir(join(dir, 'labels'));
      await writeFile(join(dir, 'labels', 'img.txt'), '1 0.5 0.5 0.2 0.2\n');
      await writeFile(join(dir, 'classes.txt'), 'car\nperson\n');
      const yolo = await cli('lint', join(dir, 'labels', 'img.txt'), '--target', 'yolo');
      expect(yolo.code, yolo.stdout + yolo.stderr).toBe(0);
      expect(yolo.stdout).toMatch(/0 error\(s\), 0 warning\(s\) \(yolo detection; 1 boxes\)/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
