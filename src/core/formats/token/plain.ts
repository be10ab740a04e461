import { outputFileName } from '../../model/naming.js';
import type { FormatWriter } from '../types.js';
import { reportNotRepresented } from './not-represented.js';
import { spanMessage } from './place.js';
import { documentText } from './text.js';

/**
 * PLAIN: the document's text, row contents joined by `\n` with a final `\n`. It is the text file
 * AMAZON_COMPREHEND_CSV offsets point into. It holds no labels, so each span is named in the report.
 */
export const plainWriter: FormatWriter = {
  name: 'PLAIN',
  kinds: ['TOKEN_BASED'],
  extension: 'txt',
  description: 'the document text, one row per line (the text AMAZON_COMPREHEND_CSV offsets point into)',
  writeDocument(doc, ctx) {
    reportNotRepresented(doc, ctx.report);
    for (const span of doc.spans) {
      ctx.report.add(spanMessage('SpanNotRepresented', 'PLAIN holds text only', span));
    }
    return [{ name: plainFileName(doc.name), content: documentText(doc).text }];
  },
};

/** The PLAIN file name, which AMAZON_COMPREHEND_CSV's `File` column repeats. */
export function plainFileName(documentName: string): string {
  return outputFileName(documentName, 'txt');
}
