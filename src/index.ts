/**
 * The library in Node: the converter core (`./core/index.ts`, also usable alone in browsers) with
 * Node's zlib for ZIP entries, and the path-based helpers that read files and folders and write
 * outputs atomically.
 */
import { setDefaultZipCodec } from './core/read/zip-codec.js';
import { nodeZipCodec } from './node/zip-codec.js';

// Importing the Node side of the library gives the PDF writer its fonts (read from the package's
// fonts/ folder on first use) and ZIP entries zlib's inflate.
import './node/pdf-fonts.js';

setDefaultZipCodec(nodeZipCodec);

export * from './core/index.js';
export { nodeZipCodec };
export { readInput, type ReadOptions as ReadInputOptions } from './node/read-input.js';
export { openInput } from './node/open-input.js';
export { convert, type ConvertRequest, type ConvertResult } from './node/convert.js';
export { loadTransformer, createTransformer, SandboxedTransformer, DEFAULT_SANDBOX_LIMITS, type SandboxLimits } from './node/transformer/load.js';
export { inspectInput, countDocument, type InspectResult, type ProjectSummary, type DocumentCounts } from './node/inspect.js';
export { runCli } from './cli/main.js';
export { DatasaurClient, startWebhookReceiver, signBody, verifySignature, type ClientOptions, type ExportRequest, type ExportOutcome, type ExportEvent, type WebhookReceiver } from './client/index.js';
export { startSimulator, loadProjects, buildExportZip, type Simulator, type SimulatorOptions } from './simulator/index.js';
