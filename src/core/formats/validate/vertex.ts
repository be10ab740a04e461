import Papa from '../../deps/papaparse.js';
import { lengthIn, type OffsetUnit } from '../../model/offsets.js';
import { IssueList, type LintResult } from './types.js';

const ML_USES = ['training', 'validation', 'test'];
/** Vertex (AutoML) entity extraction: label names 2–30 characters, at most 100 labels, documents 10–10,000 bytes. */
const LABEL_LENGTH = { min: 2, max: 30 };
const MAX_LABELS = 100;
const TEXT_BYTES = { min: 10, max: 10_000 };
const DOCUMENT_KEYS = new Set(['textContent', 'textSegmentAnnotations', 'dataItemResourceLabels']);

/**
 * Vertex AI text entity extraction JSONL: one JSON object per line with a string `textContent` and
 * `textSegmentAnnotations` of `{startOffset, endOffset, displayName}` (integers, start < end, end
 * inside the text: end exclusive); label names of `A-Za-z0-9_`, 2 to 30 characters; at most 100
 * labels. Overlapping segments and texts outside 10–10,000 UTF-8 bytes are warnings.
 */
export function lintVertexJsonl(text: string, options: { unit?: OffsetUnit } = {}): LintResult {
  const list = new IssueList();
  const counts = { documents: 0, annotations: 0, labels: 0 };
  const labels = new Set<string>();
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) list.add('error', 0, 'vertex/empty', 'the JSONL file holds no document');
  lines.forEach((raw, i) => {
    const n = i + 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') {
      list.add('error', n, 'vertex/empty-line', 'empty line: every line must be one JSON document');
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      list.add('error', n, 'vertex/json', `not JSON (${(error as Error).message})`);
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      list.add('error', n, 'vertex/object', 'each line must be a JSON object');
      return;
    }
    const doc = value as Record<string, unknown>;
    counts.documents++;
    for (const key of Object.keys(doc)) if (!DOCUMENT_KEYS.has(key)) list.add('warning', n, 'vertex/unknown-key', `unknown key "${key}"`);
    if (typeof doc.textContent !== 'string') {
      list.add('error', n, 'vertex/text', 'textContent must be a string');
      return;
    }
    const bytes = new TextEncoder().encode(doc.textContent).length;
    if (bytes < TEXT_BYTES.min || bytes > TEXT_BYTES.max) list.add('warning', n, 'vertex/text-size', `textContent is ${bytes} bytes; Vertex takes ${TEXT_BYTES.min} to ${TEXT_BYTES.max}`);
    const length = lengthIn(doc.textContent, options.unit ?? 'codepoint');
    const annotations = doc.textSegmentAnnotations ?? [];
    if (!Array.isArray(annotations)) {
      list.add('error', n, 'vertex/annotations', 'textSegmentAnnotations must be an array');
      return;
    }
    const seen: Array<{ start: number; end: number }> = [];
    annotations.forEach((a: unknown, k) => {
      const where = `annotation ${k}`;
      const ann = (a ?? {}) as Record<string, unknown>;
      const { startOffset: start, endOffset: end, displayName: name } = ann;
      counts.annotations++;
      if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0) {
        list.add('error', n, 'vertex/offsets', `${where}: startOffset and endOffset must be non-negative integers`);
      } else if ((start as number) >= (end as number)) {
        list.add('error', n, 'vertex/offsets', `${where}: startOffset ${start} is not before endOffset ${end}`);
      } else if ((end as number) > length) {
        list.add('error', n, 'vertex/offsets', `${where}: endOffset ${end} is past the end of textContent (${length})`);
      } else {
        const clash = seen.find((s) => (start as number) < s.end && s.start < (end as number));
        if (clash) list.add('warning', n, 'vertex/overlap', `${where} overlaps the segment ${clash.start}–${clash.end}`);
        seen.push({ start: start as number, end: end as number });
      }
      if (typeof name !== 'string' || !/^[A-Za-z0-9_]+$/.test(name)) {
        list.add('error', n, 'vertex/label-name', `${where}: displayName ${JSON.stringify(name)} must use only A-Z, a-z, 0-9 and _`);
      } else {
        if (name.length < LABEL_LENGTH.min || name.length > LABEL_LENGTH.max) {
          list.add('error', n, 'vertex/label-length', `${where}: displayName "${name}" must be ${LABEL_LENGTH.min} to ${LABEL_LENGTH.max} characters`);
        }
        labels.add(name);
      }
    });
  });
  if (labels.size > MAX_LABELS) list.add('error', 0, 'vertex/label-count', `${labels.size} labels; Vertex takes at most ${MAX_LABELS}`);
  counts.labels = labels.size;
  return { issues: list.issues, counts };
}

/** The import CSV: one line per JSONL file, `[ml_use,]gs://bucket/path.jsonl`. */
export function lintVertexImportCsv(text: string): LintResult {
  const list = new IssueList();
  const counts = { files: 0 };
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true, delimiter: ',' });
  for (const e of parsed.errors) list.add('error', (e.row ?? 0) + 1, 'vertex/csv', e.message);
  if (parsed.data.length === 0) list.add('error', 0, 'vertex/empty', 'the import CSV lists no file');
  parsed.data.forEach((record, i) => {
    const n = i + 1;
    counts.files++;
    if (record.length < 1 || record.length > 2) {
      list.add('error', n, 'vertex/import-columns', `expected [ml_use,]gs://…jsonl, found ${record.length} fields`);
      return;
    }
    const uri = record[record.length - 1];
    if (record.length === 2 && !ML_USES.includes(record[0])) list.add('error', n, 'vertex/ml-use', `ml_use "${record[0]}" is not one of ${ML_USES.join(', ')}`);
    if (!/^gs:\/\/[a-z0-9][a-z0-9._-]*\/.+\.jsonl$/.test(uri)) list.add('error', n, 'vertex/gcs-uri', `"${uri}" is not a gs://bucket/….jsonl URI`);
  });
  return { issues: list.issues, counts };
}
