import type { Document, JsonValue } from '../../model/types.js';
import type { OutputFile } from '../types.js';

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

export function featuresOf(columns: readonly HfColumn[]): Feature {
  return Object.fromEntries(columns.map((c) => [c.name, featureOf(c)]));
}

/** Where a dataset's files go: a folder named after the document (or the project with `--combine`). */
export async function hfDatasetFiles(folder: string, columns: readonly HfColumn[], describe: string, datasetName: string): Promise<OutputFile[]> {
  const count = columns[0]?.values.length ?? 0;
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const record: Record<string, unknown> = {};
    for (const column of columns) record[column.name] = column.values[i];
    lines.push(JSON.stringify(record) + '\n');
  }
  const features = featuresOf(columns);
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
  return [
    { name: `${folder}/train.jsonl`, content: lines.join('') },
    { name: `${folder}/train.parquet`, content: await hfParquet(columns, features) },
    { name: `${folder}/dataset_info.json`, content: JSON.stringify(info, null, 2) + '\n' },
  ];
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
  const columnData = columns.map((column) => ({
    name: column.name,
    data: column.type === 'int64' ? (column.values as number[]).map(BigInt) : column.type === 'int64-list' ? (column.values as number[][]).map((v) => v.map(BigInt)) : column.values,
  }));
  const buffer = parquetWriteBuffer({
    // hyparquet-writer's types want its SchemaElement; the objects above are exactly that shape.
    columnData: columnData as never,
    schema: schema as never,
    kvMetadata: [{ key: 'huggingface', value: JSON.stringify({ info: { features } }) }],
    createdBy: 'datasaur-export (hyparquet-writer)',
  });
  return new Uint8Array(buffer);
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
