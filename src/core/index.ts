/**
 * The converter core: runs in Node, browsers, workers and edge runtimes alike (no Node built-in is
 * imported anywhere under `src/core`). Read an export held in memory, convert it, write one
 * document in one format; the model and report types.
 */
export * from './model/index.js';
export * from './report/index.js';
export { InputError, isInputError, type InputErrorCode } from './errors.js';
export { readExport, readOpened, type ReadOptions, type ReadResult } from './read-export.js';
export { openExport, type ExportInput, type ExportFile, type ExportInputOptions, type ParsedDocument } from './export-input.js';
export { convertExport, convertOpened, selectDocuments, writeFormat, type ConversionRun, type ConversionSettings, type ConvertExportOptions, type ConvertedFile } from './convert.js';
export { inspectExport, inspectOpened, countDocument, type InspectResult, type ProjectSummary, type DocumentCounts } from './inspect.js';
export { contentBytes } from './formats/content.js';
export { parseDocumentText, parseDocumentValue, detectJsonFormat } from './read/parse-document.js';
export { cabinetMatches, type DocumentRef, type OpenedInput, type OpenOptions, type ProjectRef } from './read/input.js';
export type { DocumentSource } from './read/context.js';
export { DEFAULT_LIMITS, entryLimitForHeap, type ArchiveLimits } from './read/zip-entries.js';
export { portableZipCodec, defaultZipCodec, setDefaultZipCodec, type ZipCodec } from './read/zip-codec.js';
export { registeredFormats, findWriter } from './formats/registry.js';
export { formatSelection, resolveFormats, type FormatSelection } from './formats/resolve-formats.js';
export { DEFAULT_OPTIONS, OVERLAP_RULES, SCHEMES, resolveOptions, type ConvertOptions } from './formats/options.js';
export { MAIN_OPTIONS, type MainOption } from './formats/main-options.js';
export type {
  Exportable,
  Cell as ExportableCell,
  CellMetadata as ExportableCellMetadata,
  SimpleLabel,
  LabelSet as ExportableLabelSet,
  LabelItem as ExportableLabelItem,
  ExportTransformer,
} from './formats/custom/exportable.js';
export type { TransformerRunner, TransformerOutcome, TransformerResult, TransformerFailure, TransformerFailureCause } from './formats/custom/runner.js';
export { ALL_FORMAT_NAMES, type FormatWriter, type FormatName, type OutputFile, type OutputContent, type WriteContext } from './formats/types.js';
export { readTaggedTsv, type TaggedTsvOptions } from './read/tagged-tsv.js';
export * from './formats/validate/index.js';
export { setFontLoader, FONT_FACES, type FontLoader, type FontFace } from './formats/pdf/fonts.js';
import './read/register-readers.js';
