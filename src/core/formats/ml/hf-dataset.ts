import type { Document, JsonValue } from '../../model/types.js';
import type { OutputFile } from '../types.js';
import { streamedText } from '../table/streamed-text.js';

/**
 * A Hugging Face `datasets` dataset as files: `train.jsonl` (one JSON record per line, what
 * `load_dataset("json", data_files=…)` reads), `train.parquet` (the same records, with the
 * features in the file's `huggingface` metadata, which `load_dataset("parquet", …)` and the Hub
 * viewer turn back into `ClassLabel` names) and `dataset_info.json` (`DatasetInfo` as the library
 * writes it: `DatasetInfo.from_directory(folder).features` gives the features to pass to
 * `load_dataset("json", …, features=…)`). Feature JSON follows `datasets.Features.to_dict()`:
 * `{"_type": "Value", "dtype": …}`, `{"_type": "ClassLabel", "names": […]}`,
 * `{"_type": "Sequence", "feature": …}` (read by every `datasets` version; 4.x reads it as `List`).
 */
export type HfColumnType = 'string' | 'int64' | 'string-list' | 'int64-list';

export interface HfColumn {
  name: string;
  type: HfColumnType;
  /** Class names when the integers are class labels (ClassLabel), in id order. */
  names?: readonly string[];
  values: Array<string | number | string[] | number[]>;
}

export type Feature = { [key: string]: JsonValue };

export function featureOf(column: Pick<HfColumn, 'type' | 'names'>): Feature {
  const scalar: Feature = column.names ? { names: [...column.names], _type: 'ClassLabel' } : { dtype: column.type.startsWith('string') ? 'string' : 'int64', _type: 'Value' };
  return column.type.endsWith('-list') ? { feature: scalar, _type: 'Sequence' } : scalar;
}

export function featuresOf(columns: readonly HfColumnSpec[]): Feature {
  return Object.fromEntries(columns.map((c) => [c.name, featureOf(c)]));
}

/** A column's name and type: what the features and the Parquet schema are made from. */
export type HfColumnSpec = Omit<HfColumn, 'values'>;

/** Where a dataset's files go: a folder named after the document (or the project with `--combine`). */
export async function hfDatasetFiles(folder: string, columns: readonly HfColumn[], describe: string, datasetName: string): Promise<OutputFile[]> {
  const features = featuresOf(columns);
  return [
    { name: `${folder}/train.jsonl`, content: jsonlLines(columns) },
    { name: `${folder}/train.parquet`, content: await hfParquet(columns, features) },
    { name: `${folder}/dataset_info.json`, content: datasetInfo(features, describe, datasetName) },
  ];
}

/**
 * The same files for records that come in batches as a document's streamed rows are read, in
 * constant memory: `pass` reads the records again for each file as it is read (the JSONL, then
 * the Parquet a row group at a time). The bytes are those `hfDatasetFiles` writes for the records.
 */
export function hfStreamedDatasetFiles(folder: string, columns: readonly HfColumnSpec[], pass: (file: 'jsonl' | 'parquet') => AsyncIterable<HfColumn['values'][]>, describe: string, datasetName: string): OutputFile[] {
  const features = featuresOf(columns);
  const jsonl = async function* () {
    for await (const batch of pass('jsonl')) yield jsonlLines(columns.map((c, i) => Object.assign({}, c, { values: batch[i] })));
  };
  return [
    { name: `${folder}/train.jsonl`, content: streamedText(jsonl()) },
    { name: `${folder}/train.parquet`, content: hfParquetGroups(columns, features, rowGroups(pass('parquet'), columns.length)) },
    { name: `${folder}/dataset_info.json`, content: datasetInfo(features, describe, datasetName) },
  ];
}

/** One JSON record per line, the columns' values as the record's members in column order. */
function jsonlLines(columns: readonly HfColumn[]): string {
  const count = columns[0]?.values.length ?? 0;
  let out = '';
  for (let i = 0; i < count; i++) {
    const record: Record<string, unknown> = {};
    for (const column of columns) record[column.name] = column.values[i];
    out += JSON.stringify(record) + '\n';
  }
  return out;
}

function datasetInfo(features: Feature, describe: string, datasetName: string): string {
  const info = {
    description: describe,
    citation: '',
    homepage: '',
    license: '',
    features,
    builder_name: 'json',
    dataset_name: datasetName,
    config_name: 'default',
  };
  return JSON.stringify(info, null, 2) + '\n';
}

/**
 * Parquet through hyparquet-writer. Columns and list elements are OPTIONAL and the list element is
 * named `item`: that is the Arrow type `datasets` derives from the features (nullable fields,
 * `list<item: …>`), and its parquet reader only keeps the `ClassLabel` names from the metadata when
 * the file's Arrow field equals that type.
 * hyparquet-writer (with hyparquet, which it imports) is loaded on first use: about 65 ms of the
 * converter's import time (issue 12) for two formats few runs write.
 */
async function hfParquet(columns: readonly HfColumn[], features: Feature): Promise<Uint8Array> {
  const { parquetWriteBuffer } = await import('hyparquet-writer/src/write.js');
  const buffer = parquetWriteBuffer({
    // hyparquet-writer's types want its SchemaElement; the objects made here are exactly that shape.
    columnData: parquetColumns(columns, columns.map((c) => c.values)) as never,
    schema: parquetSchema(columns) as never,
    kvMetadata: parquetMetadata(features),
    createdBy: PARQUET_CREATED_BY,
  });
  return new Uint8Array(buffer);
}

/**
 * Rows per Parquet row group: hyparquet-writer's default (a small first group, then groups of
 * 100,000 rows), which `parquetWriteBuffer` uses, so a streamed file has the bytes of a whole one.
 */
const ROW_GROUP_SIZES = [1000, 100_000];

/** Batches of column values regrouped into row groups of ROW_GROUP_SIZES rows (the last may be short). */
async function* rowGroups(batches: AsyncIterable<HfColumn['values'][]>, width: number): AsyncGenerator<HfColumn['values'][]> {
  const empty = () => Array.from({ length: width }, (): HfColumn['values'] => []);
  let group = empty();
  let size = ROW_GROUP_SIZES[0];
  for await (const batch of batches) {
    const rows = batch[0]?.length ?? 0;
    for (let at = 0; at < rows; ) {
      const take = Math.min(rows - at, size - group[0].length);
      for (let c = 0; c < width; c++) for (let i = at; i < at + take; i++) group[c].push(batch[c][i]);
      at += take;
      if (group[0].length === size) {
        yield group;
        group = empty();
        size = ROW_GROUP_SIZES[1];
      }
    }
  }
  if (group[0].length) yield group;
}

/**
 * The Parquet file of records in row groups, handed out a row group at a time: hyparquet-writer's
 * ParquetWriter over one reused buffer (only the footer, where each row group is, grows with the
 * file).
 */
async function* hfParquetGroups(columns: readonly HfColumnSpec[], features: Feature, groups: AsyncIterable<HfColumn['values'][]>): AsyncGenerator<Uint8Array> {
  const [{ ParquetWriter }, { ByteWriter }] = await Promise.all([import('hyparquet-writer/src/parquet-writer.js'), import('hyparquet-writer/src/bytewriter.js')]);
  const writer = new ByteWriter();
  const taken = () => {
    const bytes = writer.getBytes().slice();
    // `offset` (the file position each row group is recorded at) keeps counting; the buffer is reused.
    writer.index = 0;
    return bytes;
  };
  const parquet = new ParquetWriter({ writer, schema: parquetSchema(columns) as never, kvMetadata: parquetMetadata(features), createdBy: PARQUET_CREATED_BY });
  for await (const group of groups) {
    parquet.write({ columnData: parquetColumns(columns, group) as never, rowGroupSize: group[0].length });
    yield taken();
  }
  parquet.finish();
  yield taken();
}

const PARQUET_CREATED_BY = 'datasaur-export (hyparquet-writer)';

function parquetMetadata(features: Feature) {
  return [{ key: 'huggingface', value: JSON.stringify({ info: { features } }) }];
}

function parquetSchema(columns: readonly HfColumnSpec[]): Array<Record<string, unknown>> {
  const schema: Array<Record<string, unknown>> = [{ name: 'schema', num_children: columns.length }];
  for (const column of columns) {
    const leaf = column.type.startsWith('string') ? { type: 'BYTE_ARRAY', converted_type: 'UTF8' } : { type: 'INT64' };
    if (column.type.endsWith('-list')) {
      schema.push({ name: column.name, repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 });
      schema.push({ name: 'list', repetition_type: 'REPEATED', num_children: 1 });
      schema.push({ name: 'item', repetition_type: 'OPTIONAL', ...leaf });
    } else {
      schema.push({ name: column.name, repetition_type: 'OPTIONAL', ...leaf });
    }
  }
  return schema;
}

/** The columns' values as hyparquet-writer takes them (INT64 as BigInt). */
function parquetColumns(columns: readonly HfColumnSpec[], values: readonly HfColumn['values'][]) {
  return columns.map((column, i) => ({
    name: column.name,
    data: column.type === 'int64' ? (values[i] as number[]).map(BigInt) : column.type === 'int64-list' ? (values[i] as number[][]).map((v) => v.map(BigInt)) : values[i],
  }));
}

/** Folder of one document's dataset, or of a whole project with `--combine` (decided). */
export function datasetFolder(docs: readonly Document[], combined: boolean): string {
  return combined ? docs[0]?.project.folder ?? 'project' : docs[0].name;
}

export function datasetDescription(docs: readonly Document[], what: string): string {
  const doc = docs[0];
  const scope = docs.length === 1 ? `document "${doc.name}"` : `${docs.length} documents`;
  // The project folder, not the name: a JSON_ADVANCED export spells the name differently, and both
  // exports of one project must give the same bytes.
  return `${what} from Datasaur project ${doc?.project.folder} (${scope}, cabinet ${doc?.cabinet.folder}), written by datasaur-export`;
}
