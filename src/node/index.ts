/**
 * The Node adapters alone (`datasaur-export/node`): read exports from files and folders, convert
 * into a folder with atomic writes, count what an input holds. Importing this module gives the PDF
 * writer its fonts (the package's fonts/ folder) and ZIP entries zlib's inflate.
 */
import { setDefaultZipCodec } from '../core/read/zip-codec.js';
import { nodeZipCodec } from './zip-codec.js';
import './pdf-fonts.js';

setDefaultZipCodec(nodeZipCodec);

export { nodeZipCodec };
export { nodeFontLoader } from './pdf-fonts.js';
export { readInput, type ReadOptions as ReadInputOptions } from './read-input.js';
export { openInput } from './open-input.js';
export { convert, type ConvertRequest, type ConvertResult } from './convert.js';
export { loadTransformer, createTransformer, SandboxedTransformer, DEFAULT_SANDBOX_LIMITS, type SandboxLimits } from './transformer/load.js';
export { inspectInput, countDocument, type InspectResult, type ProjectSummary, type DocumentCounts } from './inspect.js';
