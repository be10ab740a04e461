import { InputError } from '../../errors.js';
import { SCORE, looksLikeJson, type InputHead, type TextReader } from '../detect.js';
import { classifierDocument, sniffHeaderless } from './classifier-document.js';
import { parseRecords } from './records.js';
import { firstJsonLine } from './json-lines-head.js';
import { textSpanDocument, type TextAnnotation } from './text-spans.js';

interface VertexLine {
  textContent?: unknown;
  textSegmentAnnotations?: unknown;
}

/** The first JSON line, shared with the other JSONL sniffers (parsed once per file). */
function firstLineObject(head: InputHead): VertexLine | null {
  return (firstJsonLine(head) as VertexLine | undefined) ?? null;
}

/**
 * GCP_VERTEX_AI_CSV of token projects: the JSONL entity document
 * `{"textContent", "textSegmentAnnotations":[{"startOffset","endOffset","displayName"}]}`, offsets
 * into the whole text (code points, end exclusive; spans may cross lines). One JSON line is one
 * document; a `--combine` file with several is refused with the reason.
 */
export const vertexEntitiesInput: TextReader = {
  format: 'GCP_VERTEX_AI_CSV',
  layout: 'entities JSONL',
  extensions: ['.jsonl'],
  sniff(head) {
    const first = firstLineObject(head);
    if (!first || typeof first.textContent !== 'string') return null;
    return { score: SCORE.SIGNATURE, because: 'JSON lines with "textContent" and "textSegmentAnnotations"' };
  },
  read(input, source) {
    const lines = input.text.split('\n').filter((l) => l.trim() !== '');
    if (lines.length !== 1) {
      throw new InputError('UNSUPPORTED', `the file holds ${lines.length} JSONL documents (a --combine file); one document is read per file`, {
        file: source.file,
        expected: 'the per-document .jsonl file',
        hint: 'Convert the per-document JSONL files written next to the combined one.',
      });
    }
    let value: VertexLine;
    try {
      value = JSON.parse(lines[0]) as VertexLine;
    } catch {
      throw new InputError('NOT_JSON', 'the JSON line does not parse', { file: source.file, where: 'line 1', expected: 'one JSON object per line' });
    }
    if (typeof value.textContent !== 'string') throw new InputError('INVALID_DOCUMENT', 'textContent is not a string', { file: source.file, where: '$.textContent', expected: 'the document text' });
    const raw = Array.isArray(value.textSegmentAnnotations) ? (value.textSegmentAnnotations as unknown[]) : [];
    const annotations: TextAnnotation[] = [];
    raw.forEach((a, i) => {
      const where = `annotation ${i + 1}`;
      const { startOffset, endOffset, displayName } = (a ?? {}) as Record<string, unknown>;
      // Vertex writes int64 offsets as numbers or strings.
      const [start, end] = [startOffset, endOffset].map((v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v));
      if (typeof start !== 'number' || typeof end !== 'number' || typeof displayName !== 'string') {
        source.report?.add({ kind: 'AnnotationSkipped', text: `GCP_VERTEX_AI_CSV ${where}: needs numeric startOffset/endOffset and a displayName; left out`, place: { file: source.file, jsonPath: `$.textSegmentAnnotations[${i}]` } });
        return;
      }
      annotations.push({ line: -1, start, end, label: displayName, where });
    });
    return textSpanDocument(value.textContent, annotations, source, {
      format: 'GCP_VERTEX_AI_CSV',
      unit: 'codepoint',
      labelSetName: 'displayName',
      defaults: [
        { field: 'offset unit', value: 'Unicode code points (the default of --offsets)' },
        { field: 'spans[].status', value: 'LABELED' },
        { field: 'spans[].id', value: 'a running number' },
      ],
    });
  },
};

const ML_USE = /^(training|validation|test)$/;

/** GCP_VERTEX_AI_CSV of row projects: `[ml_use,]"text",label[,label…]` lines, no header. */
export const vertexClassifierInput: TextReader = {
  format: 'GCP_VERTEX_AI_CSV',
  layout: 'classifier',
  extensions: ['.csv'],
  sniff: (head) => sniffHeaderless(head, 'vertex'),
  read(input, source) {
    const records = parseRecords(input.text, ',', source.file).filter((r) => !(r.length === 1 && r[0] === ''));
    // The split column is there when the first field of every line is a split name and a text follows.
    const withSplit = records.length > 0 && records.every((r) => r.length >= 2 && ML_USE.test(r[0]));
    return classifierDocument(
      records.map((r, i) => {
        const [mlUse, text, ...labels] = withSplit ? r : [undefined, ...r];
        return { text: text ?? '', labels: labels.filter((l): l is string => l !== undefined && l !== ''), mlUse, where: `line ${i + 1}` };
      }),
      source,
      'GCP_VERTEX_AI_CSV',
    );
  },
};

/**
 * The Vertex import CSV of token projects (`[ml_use,]gs://…/<file>.jsonl` lines) holds no labels:
 * it is recognised so that it is not taken for a one-column table, and refused naming the JSONL
 * files that hold them.
 */
export const vertexImportListInput: TextReader = {
  format: 'GCP_VERTEX_AI_CSV',
  layout: 'import list',
  extensions: ['.csv'],
  sniff(head) {
    // A JSON head has no such line (its first starts with { or [): not split into lines for nothing.
    if (looksLikeJson(head)) return null;
    const lines = head.lines.filter((l) => l.trim() !== '');
    if (!lines.length || !lines.every((l) => /^((training|validation|test),)?gs:\/\/\S+\.jsonl$/.test(l.trim()))) return null;
    return { score: SCORE.SIGNATURE, because: 'lines of gs://….jsonl URIs (the Vertex import list)' };
  },
  read(input, source) {
    const files = input.text.split('\n').map((l) => l.trim().replace(/^.*\//, '')).filter(Boolean);
    throw new InputError('NOT_AN_EXPORT', 'this is a Vertex import list: it names the JSONL files that hold the text and labels, and holds none itself', {
      file: source.file,
      expected: 'a document file',
      hint: `Read ${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''} instead.`,
    });
  },
};
