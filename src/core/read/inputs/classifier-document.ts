import type { Document, JsonValue } from '../../model/types.js';
import { emptyDocument } from '../../model/build.js';
import type { DocumentSource } from '../context.js';
import { SCORE, looksLikeJson, type InputHead, type Sniff } from '../detect.js';
import { reportDefaults } from './defaults.js';
import { headRecords, recordsEndInCrlf } from './records.js';

/** One training example of a classifier file. */
export interface ClassifierRecord {
  text: string;
  labels: string[];
  /** Vertex's optional data split column. */
  mlUse?: string;
  where: string;
}

/** The question a classifier file's labels answer (decided name: the files do not name it). */
export const LABEL_QUESTION_NAME = 'label';

/**
 * A classifier training file (Comprehend, Azure, Vertex) as a row document: one row per example,
 * its text in column `text` (Vertex's split as the row's `ml_use` metadata, so the text column
 * stays the only column a classifier target can take), its labels the answer to one DROPDOWN
 * question `label` whose options are the class names the file declares, if any, then the labels
 * seen (several labels: a list).
 * What the layout does not carry (other columns, other questions, the document's name) is
 * defaulted and reported.
 */
export function classifierDocument(records: readonly ClassifierRecord[], source: DocumentSource, format: string, declared: readonly string[] = []): Document {
  const doc = emptyDocument(['ROW_BASED'], { name: source.documentName ?? source.file.replace(/^.*[/\\!]/, ''), cabinet: source.cabinet, project: source.project });
  if (source.project) doc.project = source.project;
  doc.id = doc.name;
  doc.source = 'CSV';
  doc.columns = [{ name: 'text' }];
  // Options: the class names the file declares (HF's ClassLabel, in id order), then labels seen.
  const options: string[] = [...declared];
  const multiple = records.some((r) => r.labels.length > 1);
  doc.rows = records.map((r, index) => {
    for (const label of r.labels) if (!options.includes(label)) options.push(label);
    if (r.labels.length) doc.rowAnswers[String(index)] = { '0': (r.labels.length === 1 && !multiple ? r.labels[0] : r.labels) as JsonValue };
    return { index, cells: [{ content: r.text, tokens: [] }], metadata: r.mlUse === undefined ? [] : [{ key: 'ml_use', value: r.mlUse }] };
  });
  doc.rowQuestions = [
    {
      id: 0,
      name: LABEL_QUESTION_NAME,
      label: LABEL_QUESTION_NAME,
      type: 'DROPDOWN',
      required: false,
      config: { multiple, options: options.map((label, i) => ({ id: String(i), label })) },
    },
  ];
  reportDefaults(source, format, [
    { field: 'document.id', value: 'the file name' },
    { field: 'rowQuestions', value: `one DROPDOWN question "${LABEL_QUESTION_NAME}" whose options are the labels in the file` },
    { field: 'columns', value: '"text" (the other columns are not in a classifier file)' },
  ]);
  return doc;
}

/**
 * Headerless classifier files: Comprehend (`LABEL[|LABEL],text`) and Vertex
 * (`[ml_use,]"text",label,…`, the text always quoted, labels never). Evidence: every record has
 * at least two fields; Vertex: the first line's text field is quoted and the label after it is
 * not; Comprehend: the labels recur (the first line's label among them, so it is no header).
 */
export function sniffHeaderless(head: InputHead, layout: 'comprehend' | 'vertex'): Sniff | null {
  if (looksLikeJson(head)) return null;
  const records = headRecords(head, ',')?.filter((r) => !(r.length === 1 && r[0] === ''));
  if (!records?.length || records.some((r) => r.length < 2)) return null;
  const crlf = recordsEndInCrlf(head);
  if (layout === 'vertex') {
    const split = /^(training|validation|test),/.exec(head.text);
    const rest = split ? head.text.slice(split[0].length) : head.text;
    // `"text",label`: a quoted field (it may hold line breaks) then an unquoted one (a table quoting every field is not this).
    if (!/^"(?:[^"]|"")*",[^"\r\n]/.test(rest)) return null;
    const labels = records.flatMap((r) => r.slice(split ? 2 : 1));
    if (!labels.every((l) => /^[A-Za-z0-9_]+$/.test(l))) return null;
    return { score: crlf ? SCORE.LIKELY : SCORE.STRONG, because: `no header, ${split ? 'ml_use, ' : ''}quoted text then labels of A-Z a-z 0-9 _` };
  }
  // LABEL[|LABEL],text: two fields (the writer quotes a text holding a comma), a short label first.
  const pairs = records.filter((r) => r.length === 2).length / records.length;
  if (pairs < 0.9 || records.some((r) => r[0].length > 64 || r[0] !== r[0].trim())) return null;
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r[0], (counts.get(r[0]) ?? 0) + 1);
  const firstRecurs = (counts.get(records[0][0]) ?? 0) >= 3 && counts.size <= records.length / 3;
  const because = `no header, ${head.complete ? "" : "in the first lines "}${records.length} lines of label,text with ${counts.size} distinct label${counts.size === 1 ? '' : 's'}`;
  if (crlf) return { score: SCORE.WEAK, because };
  if (firstRecurs) return { score: SCORE.STRONG, because: `${because}, the first among them` };
  const longerText = records.reduce((n, r) => n + (r[1] ?? '').length - r[0].length, 0) > 0;
  return { score: longerText ? SCORE.PLAUSIBLE : SCORE.WEAK, because };
}
