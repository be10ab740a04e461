/** The public API: read exports, convert them, inspect them; the model and report types. */
export * from './model/index.js';
export * from './report/index.js';
export { InputError, isInputError, type InputErrorCode } from './errors.js';
export { readInput, openInput, parseDocumentText, type ReadResult, type ReadOptions } from './read/index.js';
export { convert, resolveFormats, type ConvertRequest, type ConvertResult } from './convert.js';
export { inspectInput, countDocument, type InspectResult, type ProjectSummary, type DocumentCounts } from './inspect.js';
export { registeredFormats, findWriter } from './formats/registry.js';
export { DEFAULT_OPTIONS, resolveOptions, type ConvertOptions } from './formats/options.js';
export type { FormatWriter, FormatName, OutputFile, WriteContext } from './formats/types.js';
export { readTaggedTsv, type TaggedTsvOptions } from './read/tagged-tsv.js';
export * from './formats/validate/index.js';
export { runCli } from './cli/main.js';
export { DatasaurClient, startWebhookReceiver, signBody, verifySignature, type ClientOptions, type ExportRequest, type ExportOutcome, type ExportEvent, type WebhookReceiver } from './client/index.js';
export { startSimulator, loadProjects, buildExportZip, type Simulator, type SimulatorOptions } from './simulator/index.js';
import './read/register-readers.js';
