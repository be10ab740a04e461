import { cellTokenOffsets } from '../../model/align.js';
import { outputFileName } from '../../model/naming.js';
import type { Document } from '../../model/types.js';
import { combinedFileName, documentContext } from '../table/combined.js';
import type { FormatWriter, WriteContext } from '../types.js';
import { reportNotRepresented } from '../token/not-represented.js';
import { prepareSpans } from '../token/prepare.js';
import { OffsetCounter, reportOffsetUnit } from '../token/text.js';

interface SpacyToken {
  text: string;
  start: number;
  end: number;
  id: number;
  ws: boolean;
}

interface SpacySpan {
  start: number;
  end: number;
  token_start: number;
  token_end: number;
  label: string;
}

/**
 * SPACY_JSONL (token projects): the JSONL that Prodigy writes and spaCy users load
 * (`prodigy db-in`, `prodigy data-to-spacy`, or `Doc(nlp.vocab, words, spaces)` + `doc.char_span`):
 * one line per row, `{"text", "tokens": [{"text","start","end","id","ws"}], "spans":
 * [{"start","end","token_start","token_end","label"}], "meta": {"document","row"}}`. Character
 * offsets count in `--offsets` (default code points, which is what Python's `str` indexes, so
 * `text[start:end]` slices exactly), end exclusive; token ends are inclusive (Prodigy's `token_end`). Tokens are the model's; their
 * offsets come from the token-to-content alignment, and a token the aligner could not find is
 * reported (`TokenNotInContent`). Spans are widened to whole tokens (spaCy entities are token
 * spans), split at rows, one label set (`--label-set`), overlaps by `--overlap`.
 */
export const spacyJsonlWriter: FormatWriter = {
  name: 'SPACY_JSONL',
  kinds: ['TOKEN_BASED'],
  extension: 'jsonl',
  description: 'spaCy/Prodigy JSONL: one line per row {text, tokens [{text,start,end,id,ws}], spans [{start,end,token_start,token_end,label}], meta}',
  writeDocument(doc, ctx) {
    return [{ name: outputFileName(doc.name, 'jsonl'), content: spacyLines(doc, ctx) }];
  },
  writeCombined(docs, ctx) {
    return [{ name: combinedFileName(docs, 'jsonl'), content: docs.map((doc) => spacyLines(doc, documentContext(doc, ctx))).join('') }];
  },
};

function spacyLines(doc: Document, ctx: WriteContext): string {
  const { report } = ctx;
  reportNotRepresented(doc, report);
  reportOffsetUnit(report, ctx.options.offsets);
  const [tier] = prepareSpans(doc, ctx, { widen: true, crossRow: 'split', labelSets: 'one', overlaps: 'policy', columns: false });
  const spansByRow = new Map<number, typeof tier.spans>();
  for (const span of tier.spans) {
    const list = spansByRow.get(span.start.row);
    if (list) list.push(span);
    else spansByRow.set(span.start.row, [span]);
  }
  const lines: string[] = [];
  doc.rows.forEach((row, r) => {
    const cell = row.cells[0];
    const text = cell?.content ?? '';
    const offsets = cell ? cellTokenOffsets(cell) : [];
    // One counter per row: it keeps a table per text, and a row's text is not needed afterwards.
    const counter = new OffsetCounter(ctx.options.offsets);
    const tokens: SpacyToken[] = (cell?.tokens ?? []).map((token, t) => {
      const at = offsets[t];
      if (!at.found) {
        report.once(`TokenNotInContent:${r}:0:${t}`, {
          kind: 'TokenNotInContent',
          text: `token "${token}" is not in the row's content; its offsets use the fallback rule (after the previous token)`,
          place: { row: r, column: 0, token: t },
        });
      }
      return { text: token, start: counter.in(text, at.start), end: counter.in(text, at.end), id: t, ws: /\s/.test(text[at.end] ?? '') };
    });
    const spans: SpacySpan[] = (spansByRow.get(r) ?? []).map((span) => ({
      start: tokens[span.start.token].start,
      end: tokens[span.end.token].end,
      token_start: span.start.token,
      token_end: span.end.token,
      label: span.labelName,
    }));
    lines.push(JSON.stringify({ text, tokens, spans, meta: { document: doc.name, row: row.index } }) + '\n');
  });
  return lines.join('');
}
