import type { RawDocument } from './sources.js';

/**
 * The obvious per-format scripts a user would write for token documents: tags or offsets from the
 * spans, strings built whole, one write per file. They do none of the library's checks (overlaps,
 * statuses, char-level spans, reports); they are the speed a careful library should not lose to.
 */
export type TokenBaseline = (doc: RawDocument) => { name: string; content: string }[];

function tagsOf(doc: RawDocument, iob: boolean): string[][] {
  const tags = doc.data.rows.map((cells) => (cells[0].tokens ?? []).map(() => 'O'));
  for (const span of doc.data.spanLabels ?? []) {
    if (span.status === 'REJECTED') continue;
    const { start, end } = span.textPosition;
    const label = span.labelItem.labelName ?? span.labelItem.id;
    for (let t = start.tokenIndex; t <= end.tokenIndex; t++) tags[start.row][t] = iob ? `${t === start.tokenIndex ? 'B' : 'I'}-${label}` : label;
  }
  return tags;
}

function tagged(doc: RawDocument, iob: boolean, separator: string): string {
  const tags = tagsOf(doc, iob);
  let out = '';
  doc.data.rows.forEach((cells, r) => {
    (cells[0].tokens ?? []).forEach((token, t) => (out += `${token}${separator}${tags[r][t]}\n`));
    out += '\n';
  });
  return out;
}

/** Character offsets of each token in its row's content (tokens joined by one space). */
function offsetsOf(cells: { content: string; tokens?: string[] }[]): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (const token of cells[0].tokens ?? []) {
    at = cells[0].content.indexOf(token, at);
    offsets.push(at);
    at += token.length;
  }
  return offsets;
}

function spanRows(doc: RawDocument, file: string, withStatus: boolean): string {
  let out = withStatus ? 'File,Line,Begin Offset,End Offset,Type,Label Status\r\n' : 'File,Line,Begin Offset,End Offset,Type\r\n';
  const offsets = doc.data.rows.map(offsetsOf);
  for (const span of doc.data.spanLabels ?? []) {
    const { start, end } = span.textPosition;
    const tokens = doc.data.rows[end.row][0].tokens ?? [];
    const begin = offsets[start.row][start.tokenIndex];
    const stop = offsets[end.row][end.tokenIndex] + tokens[end.tokenIndex].length;
    const type = span.labelItem.labelName ?? '';
    out += `${file},${start.row},${begin},${stop},${withStatus ? type : type.toUpperCase()}${withStatus ? `,${span.status ?? 'LABELED'}` : ''}\r\n`;
  }
  return out;
}

const plain = (doc: RawDocument) => `${doc.data.rows.map((cells) => cells[0].content).join('\n')}\n`;

export const TOKEN_BASELINES: Record<string, TokenBaseline> = {
  TSV_IOB: (doc) => [{ name: `${doc.name}.tsv`, content: tagged(doc, true, '\t') }],
  TSV_NON_IOB: (doc) => [{ name: `${doc.name}.tsv`, content: tagged(doc, false, '\t') }],
  AZURE_AUTOML_CSV: (doc) => [{ name: `${doc.name}.conll`, content: tagged(doc, true, ' ') }],
  PLAIN: (doc) => [{ name: `${doc.name}.txt`, content: plain(doc) }],
  CSV: (doc) => [{ name: `${doc.name}.csv`, content: spanRows(doc, `${doc.name}.txt`, true) }],
  AMAZON_COMPREHEND_CSV: (doc) => [
    { name: `${doc.name}.csv`, content: spanRows(doc, `${doc.name}.txt`, false) },
    { name: `${doc.name}.txt`, content: plain(doc) },
  ],
  GCP_VERTEX_AI_CSV: (doc) => {
    const text = plain(doc);
    const rowStart: number[] = [];
    doc.data.rows.reduce((at, cells, r) => ((rowStart[r] = at), at + cells[0].content.length + 1), 0);
    const offsets = doc.data.rows.map(offsetsOf);
    const annotations = (doc.data.spanLabels ?? []).map((span) => {
      const { start, end } = span.textPosition;
      const last = doc.data.rows[end.row][0].tokens![end.tokenIndex];
      return { startOffset: rowStart[start.row] + offsets[start.row][start.tokenIndex], endOffset: rowStart[end.row] + offsets[end.row][end.tokenIndex] + last.length, displayName: span.labelItem.labelName };
    });
    return [
      { name: `${doc.name}.jsonl`, content: `${JSON.stringify({ textSegmentAnnotations: annotations, textContent: text })}\n` },
      { name: `${doc.name}.import.csv`, content: `gs://bucket/${doc.name}.jsonl\n` },
    ];
  },
  DATASAUR_SCHEMA: (doc) => {
    const { name, ...file } = doc;
    return [{ name: `${name}.json`, content: `${JSON.stringify(file)}\n` }];
  },
  JSON_ADVANCED: (doc) => {
    const sentences = doc.data.rows.map((cells, id) => ({ id, content: cells[0].content, tokens: cells[0].tokens, metadata: [] }));
    const labels = (doc.data.spanLabels ?? []).map((span, id) => ({ id, type: 'SPAN', ...span }));
    return [{ name: `${doc.name}.json`, content: `${JSON.stringify({ sentences, labelerInfo: doc.data.labelerInfo, labelSets: doc.data.labelSets, labels, comments: [] })}\n` }];
  },
};
