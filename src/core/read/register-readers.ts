/**
 * Wires optional readers into the document parser. Kept apart so `parse-document` does not import
 * every reader's dependencies; importing the library entry or the CLI loads this.
 */
import { registerTsvReader } from './parse-document.js';
import { readTaggedTsv } from './tagged-tsv.js';

// TSV_IOB / TSV_NON_IOB exports and public IOB data: tag kind detected, IOB2 prefixes.
registerTsvReader((text, source) => readTaggedTsv(text, source));

