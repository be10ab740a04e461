import type { Arrow, Document, Span } from '../../model/types.js';
import type { Report } from '../../report/report.js';
import { outputFileName } from '../../model/naming.js';
import type { ConvertOptions } from '../options.js';
import { pageGeometry } from './geometry.js';
import type { LayoutInput } from './layout.js';
import { codePointName } from './runs.js';
import { quoteStart, type CutText } from './cut.js';
import { selectDrawnLabels } from './select.js';
import type { FormatWriter, OutputFile, WriteContext } from '../types.js';

const EXTENSION = '.pdf';

/**
 * SPAN_AND_ARROW_VISUALIZATION: a PDF per document that shows the labels the way a reviewer reads
 * them (tokens as text, spans as coloured boxes stacked in tiers, arrows as curves with their
 * label, a legend with counts). The bytes are streamed page by page.
 */
export const spanAndArrowVisualization: FormatWriter = {
  name: 'SPAN_AND_ARROW_VISUALIZATION',
  kinds: ['TOKEN_BASED'],
  extension: EXTENSION,
  description: 'PDF per document: tokens as text, spans as labelled boxes stacked when they overlap, arrows as labelled curves, legend with counts',
  writeDocument(doc, ctx) {
    return [{ name: outputFileName(doc.name, EXTENSION), content: visualize([doc], ctx, doc.name) }];
  },
  writeCombined(docs, ctx): OutputFile[] {
    if (docs.length === 0) return [];
    // Named like every other combined file: `<project folder>.<ext>`.
    const project = docs[0].project;
    return [{ name: `${project.folder}${EXTENSION}`, content: visualize(docs, ctx, project.name) }];
  },
};

/**
 * Selection and glyph reports happen while the stream is consumed (the layout is lazy); the
 * label selection is done up front so its report is complete as soon as the writer returns.
 * Fonts, layout and pdfkit load on first use: importing the converter does not load them.
 */
function visualize(docs: readonly Document[], ctx: WriteContext, title: string): AsyncIterable<Uint8Array> {
  const inputs = docs.map((doc): LayoutInput => ({
    doc,
    drawn: selectDrawnLabels(doc, ctx.options, reportFor(ctx.report, doc, docs.length)),
    shownSets: shownSets(doc, ctx.options),
  }));
  const onMissing = (docIndex: number, ch: string) => {
    const doc = docs[docIndex];
    reportFor(ctx.report, doc, docs.length).once(`glyph:${doc.id}:${ch}`, {
      kind: 'GlyphMissing',
      text: `no embedded font has ${codePointName(ch)} (${JSON.stringify(ch)}); it is drawn as \uFFFD`,
    });
  };
  const onCut = (docIndex: number, original: string, cut: CutText, place?: { row: number; column: number; token?: number }) => {
    const doc = docs[docIndex];
    const what = !place ? 'a text' : place.token === undefined ? `cell ${place.column + 1} of row ${place.row + 1}` : `token ${place.token + 1} of row ${place.row + 1}`;
    const key = place ? `${place.row}:${place.column}:${place.token ?? -1}` : `${cut.length}:${original.slice(0, 64)}`;
    reportFor(ctx.report, doc, docs.length).once(`cut:${doc.id}:${key}`, {
      kind: 'TextCut',
      text: `${what} of ${cut.length.toLocaleString('en-US')} characters (${quoteStart(original)}) is drawn up to ${cut.kept.toLocaleString('en-US')} characters and \u2026`,
      ...(place ? { place } : {}),
    });
  };
  const onSpanNotDrawn = (docIndex: number, span: Span, reason: 'crowded' | 'no text') => {
    const doc = docs[docIndex];
    const { row, column, token } = span.start;
    reportFor(ctx.report, doc, docs.length).once(`span-not-drawn:${doc.id}:${span.id}`, {
      kind: 'SpanNotDrawn',
      text: reason === 'crowded' ? 'more spans overlap on a line of this span than fit above one line of a page; its box there is not drawn' : 'the span covers no drawn character; it is not drawn',
      place: { row, column, token },
      labelId: span.id,
      label: span.labelName,
    });
  };
  const onArrowNotDrawn = (docIndex: number, arrow: Arrow, missing: string[]) => {
    const doc = docs[docIndex];
    reportFor(ctx.report, doc, docs.length).once(`arrow-not-drawn:${doc.id}:${arrow.id}`, {
      kind: 'ArrowEndpointMissing',
      text: `arrow end span ${missing.join(', ')} is not drawn, so the arrow is not drawn`,
      labelId: arrow.id,
      ...(arrow.labelName ? { label: arrow.labelName } : {}),
    });
  };
  const geo = pageGeometry(ctx.options.pdf);
  return (async function* () {
    const [{ loadFonts }, { renderPdf }] = await Promise.all([import('./fonts.js'), import('./render.js')]);
    yield* renderPdf(inputs, { geo, fonts: await loadFonts(), title, onMissing, onCut, onSpanNotDrawn, onArrowNotDrawn });
  })();
}

/** In a combined file every document's messages still name their document. */
function reportFor(report: Report, doc: Document, count: number): Report {
  return count > 1 ? report.scope({ document: doc.name, cabinet: doc.cabinet.folder }) : report;
}

function shownSets(doc: Document, options: ConvertOptions): Set<number> {
  const all = doc.labelSets.map((s) => s.index);
  return new Set(options.pdf.labelSets ? all.filter((i) => options.pdf.labelSets!.includes(i)) : all);
}
