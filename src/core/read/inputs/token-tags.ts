import type { Document } from '../../model/types.js';
import type { DocumentSource } from '../context.js';
import { SCORE, type Sniff } from '../detect.js';
import { readTaggedTsv, type TaggedTsvOptions } from '../tagged-tsv.js';
import { TOKEN_FORMAT_DEFAULTS, reportDefaults } from './defaults.js';
import { describeShape, type TaggedShape } from './tagged-head.js';

/**
 * Score of a token-tag reading: blank lines between sentences are the mark of the layout; without
 * them (one long sentence in the lines looked at) a table fits as well, unless the tags look like
 * tags (mostly O or prefixed).
 */
export function tokenLinesScore(shape: TaggedShape, fits: boolean): Sniff {
  const tagLike = shape.prefixedShare >= 0.5 || shape.outsideShare >= 0.5;
  let score = !fits ? SCORE.WEAK : shape.blankLines ? SCORE.STRONG : tagLike ? SCORE.LIKELY : SCORE.WEAK;
  // CRLF is how tables are written (the server's, ours); token files are LF (the samples, our writers).
  if (shape.crlf && score > SCORE.LIKELY) score = SCORE.LIKELY;
  return { score, because: describeShape(shape) + (shape.crlf ? ', CRLF line ends' : '') };
}

/** Reads token lines as `format` and names what the layout does not carry. */
export function readTokenLines(text: string, source: DocumentSource, format: string, options: TaggedTsvOptions): Document {
  const doc = readTaggedTsv(text, source, Object.assign({}, options, { format }));
  reportDefaults(source, format, TOKEN_FORMAT_DEFAULTS);
  return doc;
}
