/** The public API: read exports, convert them, inspect them; the model and report types. */
export * from './core/model/index.js';
export * from './core/report/index.js';
export { InputError, isInputError, type InputErrorCode } from './core/errors.js';
export { parseDocumentText } from './core/read/index.js';
export { readInput, type ReadResult, type ReadOptions } from './node/read-input.js';
export { openInput } from './node/open-input.js';
export { convert, resolveFormats, type ConvertRequest, type ConvertResult } from './node/convert.js';
export { inspectInput, countDocument, type InspectResult, type ProjectSummary, type DocumentCounts } from './node/inspect.js';
export { registeredFormats, findWriter } from './core/formats/registry.js';
export { DEFAULT_OPTIONS, resolveOptions, type ConvertOptions } from './core/formats/options.js';
export type { FormatWriter, FormatName, OutputFile, WriteContext } from './core/formats/types.js';
export { readTaggedTsv, type TaggedTsvOptions } from './core/read/tagged-tsv.js';
export * from './core/formats/validate/index.js';
export { setFontLoader, FONT_FACES, type FontLoader, type FontFace } from './core/formats/pdf/fonts.js';
export { runCli } from './cli/main.js';
export { DatasaurClient, startWebhookReceiver, signBody, verifySignature, type ClientOptions, type ExportRequest, type ExportOutcome, type ExportEvent, type WebhookReceiver } from './client/index.js';
export { startSimulator, loadProjects, buildExportZip, type Simulator, type SimulatorOptions } from './simulator/index.js';
import './core/read/register-readers.js';
// The PDF writer's fonts, read from the package's fonts/ folder on first use.
import './node/pdf-fonts.js';
