import { spanAndArrowVisualization } from '../../../src/core/formats/pdf/span-and-arrow-visualization.js';
import { resolveOptions, type ConvertOptions } from '../../../src/core/formats/options.js';
import { tokenDocument } from '../../../src/core/model/build.js';
import type { Document } from '../../../src/core/model/types.js';
import { Report } from '../../../src/core/report/report.js';
import { collect } from './read-back.js';

/**
 * English rows with a nested span (CITY inside LOCATION), an overlap across label sets, a span
 * over two rows, a char-level span, and arrows on one line and between lines.
 */
export function labeledFixture(): Document {
  return tokenDocument({
    name: 'labeled.txt',
    project: { id: 'P9', name: 'Visual check' },
    rows: [
      ['John', 'Smith', 'lives', 'in', 'New', 'York', 'City', '.'],
      ['He', 'works', 'for', 'Acme', 'Corp', 'since', '2019', '.'],
      ['Mary', 'met', 'him', 'in', 'Paris', 'last', 'spring', 'and', 'they', 'talked', 'about', 'the', 'weather'],
    ],
    labelSets: [
      { index: 0, id: 'ner', name: 'Entities', items: [
        { id: 'per', labelName: 'PERSON', color: '#1E88E5' },
        { id: 'loc', labelName: 'LOCATION', color: '#43A047' },
        { id: 'city', labelName: 'CITY', color: null },
        { id: 'org', labelName: 'ORG', color: '#E53935' },
      ] },
      ['VERB', 'DATE'],
    ],
    spans: [
      { id: 'john', label: 'PERSON', start: [0, 0], end: [0, 1] },
      { id: 'nyc', label: 'LOCATION', start: [0, 4], end: [0, 6] },
      { id: 'ny', label: 'CITY', start: [0, 4], end: [0, 5] },
      { id: 'lives', layer: 1, label: 'VERB', start: [0, 2], end: [0, 2] },
      { id: 'acme', label: 'ORG', start: [1, 3], end: [1, 4] },
      { id: 'since', layer: 1, label: 'DATE', start: [1, 5], end: [1, 6] },
      { id: 'mary', label: 'PERSON', start: [2, 0], end: [2, 0] },
      { id: 'paris', label: 'LOCATION', start: [2, 4, 0], end: [2, 4, 2] },
      { id: 'cross', layer: 1, label: 'DATE', start: [1, 7], end: [2, 0] },
    ],
    arrows: [
      { id: 'lives-in', from: 'john', to: 'nyc', label: 'LOCATION' },
      { id: 'works-for', from: 'john', to: 'acme', label: 'ORG' },
    ],
  });
}

/** Japanese, Arabic, emoji (with skin tone and ZWJ), combining marks, and a character no font has. */
export const UNDRAWABLE = '\u{10000}';
export function unicodeFixture(): Document {
  return tokenDocument({
    name: 'unicode.txt',
    rows: [
      { content: '東京タワーは高い。', tokens: ['東京タワー', 'は', '高い', '。'] },
      { content: 'مرحبا بالعالم', tokens: ['مرحبا', 'بالعالم'] },
      { content: 'emoji 😀 👍🏽 👨‍👩‍👧 🦄', tokens: ['emoji', '😀', '👍🏽', '👨‍👩‍👧', '🦄'] },
      { content: 'cafe\u0301 n\u0303 Ελληνικά Привет', tokens: ['cafe\u0301', 'n\u0303', 'Ελληνικά', 'Привет'] },
      { content: `linear ${UNDRAWABLE}b`, tokens: ['linear', `${UNDRAWABLE}b`] },
    ],
    labelSets: [['PLACE', 'GREETING', 'SYMBOL']],
    spans: [
      { label: 'PLACE', start: [0, 0], end: [0, 0] },
      { label: 'GREETING', start: [1, 0], end: [1, 1] },
      { label: 'SYMBOL', start: [2, 1], end: [2, 4] },
    ],
  });
}

export function pdfOptions(pdf: Partial<ConvertOptions['pdf']> = {}, rest: Partial<ConvertOptions> = {}): ConvertOptions {
  const base = resolveOptions(rest);
  return { ...base, pdf: { ...base.pdf, ...pdf } };
}

export async function writePdf(doc: Document, options = pdfOptions()) {
  const report = new Report();
  const [file] = await spanAndArrowVisualization.writeDocument(doc, { options, report });
  return { name: file.name, bytes: await collect(file.content), report };
}
