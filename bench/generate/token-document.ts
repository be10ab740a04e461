import type { Random } from './random.js';
import type { SentenceShape, TokenShapes } from './shapes.js';

/** A palette like the platform's, one colour per label. */
const COLORS = ['#df3920', '#0a8754', '#3b5fe0', '#b36b00', '#8a2be2', '#00838f'];

export interface TokenDocumentSpec {
  projectId: string;
  projectName: string;
  documentId: string;
  documentName: string;
  /** Sentences (rows) of the document, resampled from the corpus. */
  sentences: SentenceShape[];
  labels: readonly string[];
  labeler: { id: number; email: string; displayName: string };
}

/** Draws sentences from the corpus until `tokens` tokens are reached. */
export function drawSentences(random: Random, shapes: TokenShapes, tokens: number): SentenceShape[] {
  const out: SentenceShape[] = [];
  for (let total = 0; total < tokens; ) {
    const sentence = random.pick(shapes.sentences);
    out.push(sentence);
    total += sentence.tokens.length;
  }
  return out;
}

/**
 * Writes one token document as DATASAUR_SCHEMA (FORMATS.md §2), compact like the server's, piece
 * by piece through `write` so a document of a million tokens is never one string.
 */
export function writeTokenDocument(spec: TokenDocumentSpec, random: Random, write: (text: string) => void): void {
  const q = JSON.stringify;
  const labelIds = new Map(spec.labels.map((label, i) => [label, String(i + 1)]));
  write(`{"version":"1","data":{"project":{"id":${q(spec.projectId)},"name":${q(spec.projectName)}},"document":{"id":${q(spec.documentId)},"name":${q(spec.documentName)}},"kinds":["TOKEN_BASED"],`);
  write(`"labelerInfo":{"id":${spec.labeler.id},"email":${q(spec.labeler.email)},"displayName":${q(spec.labeler.displayName)}},"comments":[],"rows":[`);
  spec.sentences.forEach((sentence, row) => {
    write(`${row ? ',' : ''}[{"content":${q(sentence.tokens.join(' '))},"tokens":${q(sentence.tokens)},"line":${row},"index":0}]`);
  });
  write(`],"labelSets":[{"id":"1","name":"Disease","index":0,"labelItems":[`);
  write(spec.labels.map((label, i) => `{"id":${q(labelIds.get(label))},"labelName":${q(label)},"parentId":null,"color":${q(COLORS[i % COLORS.length])}}`).join(','));
  write(`]}],"spanLabels":[`);
  let id = 0;
  spec.sentences.forEach((sentence, row) => {
    for (const span of sentence.spans) {
      const lastChar = [...sentence.tokens[span.end]].length - 1;
      const accepted = random.next() < 0.3;
      write(
        `${id ? ',' : ''}{"id":"${spec.documentId}-s${id}","labelItem":{"id":${q(labelIds.get(span.label))},"labelName":${q(span.label)}},` +
          `"textPosition":{"start":{"row":${row},"tokenIndex":${span.start},"column":0,"charIndex":0},"end":{"row":${row},"tokenIndex":${span.end},"column":0,"charIndex":${lastChar}}},` +
          `"layer":0,"counter":0,"status":${accepted ? '"ACCEPTED"' : '"LABELED"'},"labeledBy":"LABELER","labeledByUserId":${spec.labeler.id},"acceptedByUserId":${accepted ? 2 : null},"rejectedByUserId":null}`,
      );
      id++;
    }
  });
  write(`],"arrowLabels":[]}}\n`);
}
