import { tokenDocument } from '../../../src/core/model/build.js';
import type { Document } from '../../../src/core/model/types.js';

/**
 * The token fixture every token-format golden file is made from. It holds, on purpose:
 * - two label sets (the second with a name containing `&`), label names with spaces;
 * - overlaps in set 0 where `first` and `longest` disagree (row 2) and agree (row 0);
 * - a char-level span (row 1, "cod" inside "coding"), a span across rows (row 0 → row 1);
 * - emoji (a surrogate pair and a ZWJ sequence) and combining marks (NFD "Café", "Zoë");
 * - a REJECTED label, a CONFLICT label, an arrow and a timestamp.
 */
export const CAFE = 'Cafe\u0301';
export const ZOE = 'Zoe\u0308';

export function richTokenDocument(): Document {
  const doc = tokenDocument({
    name: 'rich.txt',
    project: { id: 'P9', name: 'Token fixture' },
    rows: [
      ['Ada', 'Lovelace', 'visited', CAFE, ZOE, 'in', 'London', '.'],
      ['She', 'loved', '🧮', 'and', '👩‍💻', 'coding', '.'],
      ['The', 'Analytical', 'Engine', 'was', 'designed', 'by', 'Babbage', '.'],
      ['Nothing', 'here', '.'],
    ],
    labelSets: [
      ['PER', 'LOC', 'ORG', 'MISC', 'Time of day'],
      ['Computing', 'Food & Drink'],
    ],
    spans: [
      { id: 's1', label: 'PER', start: [0, 0], end: [0, 1] },
      { id: 's2', label: 'LOC', start: [0, 3], end: [0, 3] },
      { id: 's3', label: 'MISC', start: [0, 3], end: [0, 4] },
      { id: 's4', label: 'MISC', start: [2, 0], end: [2, 1] },
      { id: 's5', label: 'ORG', start: [2, 1], end: [2, 3] },
      { id: 's6', label: 'LOC', start: [0, 6], end: [0, 6], status: 'REJECTED' },
      { id: 's7', label: 'PER', start: [2, 6], end: [2, 6], labeledBy: 'CONFLICT' },
      { id: 's8', label: 'Time of day', start: [1, 5, 0], end: [1, 5, 2] },
      { id: 's9', label: 'ORG', start: [0, 7], end: [1, 1] },
      { id: 's10', label: 'MISC', start: [1, 2], end: [1, 2] },
      { id: 's11', label: 'LOC', start: [1, 4], end: [1, 4] },
      { id: 't1', layer: 1, label: 'Computing', start: [1, 2], end: [1, 5] },
      { id: 't2', layer: 1, label: 'Food & Drink', start: [0, 3], end: [0, 3] },
      { id: 't3', layer: 1, label: 'Computing', start: [2, 1], end: [2, 2] },
    ],
    arrows: [{ id: 'a1', from: 's1', to: 's3' }],
  });
  doc.labelSets[0].name = 'NER';
  doc.labelSets[1].name = 'Topic';
  doc.timestamps.push({
    id: 'ts1',
    layer: 0,
    start: { row: 0, column: 0, token: 0, char: 0 },
    end: { row: 0, column: 0, token: 1, char: 7 },
    counter: 0,
    startTimestampMillis: 0,
    endTimestampMillis: 1500,
    status: 'LABELED',
    labeledBy: 'LABELER',
  });
  return doc;
}

/** A second, small document of the same project, for `--combine`. */
export function smallTokenDocument(): Document {
  return tokenDocument({
    name: 'small.txt',
    project: { id: 'P9', name: 'Token fixture' },
    rows: [['Grace', 'Hopper', 'wrote', 'COBOL', '.']],
    labelSets: [
      ['PER', 'LOC', 'ORG', 'MISC', 'Time of day'],
      ['Computing', 'Food & Drink'],
    ],
    spans: [
      { id: 'g1', label: 'PER', start: [0, 0], end: [0, 1] },
      { id: 'g2', label: 'MISC', start: [0, 3], end: [0, 3] },
    ],
  });
}
