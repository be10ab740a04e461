import { IssueList, type LintResult } from './types.js';

export interface YoloLintOptions {
  /** Class names (`classes.txt` or `data.yaml` beside the labels), when at hand. */
  classCount?: number;
}

/**
 * A YOLO detection label file (YOLO), as Ultralytics reads it: one box per line,
 * `class x_center y_center width height`, separated by whitespace; the class a non-negative
 * integer (below the number of names when known); the four values numbers in [0, 1] (Ultralytics
 * drops labels with out-of-range coordinates). An empty file is a background image.
 */
export function lintYoloLabels(text: string, options: YoloLintOptions = {}): LintResult {
  const list = new IssueList();
  const counts = { boxes: 0 };
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '').trim();
    if (line === '') return;
    const n = i + 1;
    counts.boxes++;
    const fields = line.split(/\s+/);
    if (fields.length !== 5) {
      list.add('error', n, 'yolo/fields', `expected "class x_center y_center width height", found ${fields.length} field(s)${fields.length > 5 ? ' (a segmentation line?)' : ''}`);
      return;
    }
    const [cls, ...values] = fields;
    if (!/^\d+$/.test(cls)) list.add('error', n, 'yolo/class', `class "${cls}" is not a non-negative integer`);
    else if (options.classCount !== undefined && Number(cls) >= options.classCount) list.add('error', n, 'yolo/class', `class ${cls} is past the ${options.classCount} class names`);
    values.forEach((v, k) => {
      const x = Number(v);
      if (v === '' || !Number.isFinite(x)) list.add('error', n, 'yolo/number', `"${v}" is not a number`);
      else if (x < 0 || x > 1) list.add('error', n, 'yolo/normalized', `${['x_center', 'y_center', 'width', 'height'][k]} ${v} is outside [0, 1]`);
    });
  });
  return { issues: list.issues, counts };
}
