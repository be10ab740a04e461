import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveOptions, type ConvertOptions } from '../../../src/core/formats/options.js';
import type { FormatWriter, OutputFile } from '../../../src/core/formats/types.js';
import type { Document } from '../../../src/core/model/types.js';
import { Report } from '../../../src/core/report/report.js';

export interface Written {
  files: Map<string, OutputFile['content']>;
  report: Report;
}

export function text(files: Written['files'], name: string): string {
  const content = files.get(name);
  if (content === undefined) throw new Error(`no output ${name}; outputs: ${[...files.keys()].join(', ')}`);
  if (typeof content === 'string') return content;
  if (content instanceof Uint8Array) return new TextDecoder().decode(content);
  throw new Error(`${name} is a stream`);
}

export function bytes(files: Written['files'], name: string): Uint8Array {
  const content = files.get(name);
  if (!(content instanceof Uint8Array)) throw new Error(`${name} is not bytes`);
  return content;
}

export async function writeWith(writer: FormatWriter, doc: Document, options: Partial<ConvertOptions> = {}): Promise<Written> {
  const report = new Report();
  const files = await writer.writeDocument(doc, { options: resolveOptions(options), report });
  return { files: new Map(files.map((f) => [f.name, f.content])), report };
}

export async function writeCombinedWith(writer: FormatWriter, docs: Document[], options: Partial<ConvertOptions> = {}): Promise<Written> {
  const report = new Report();
  const files = await writer.writeCombined!(docs, { options: resolveOptions({ combine: true, ...options }), report });
  return { files: new Map(files.map((f) => [f.name, f.content])), report };
}

export function jsonLines(content: string): Array<Record<string, unknown>> {
  return content.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
}

/**
 * Reads a Parquet file with DuckDB (an independent implementation: C++, not the writer's author),
 * rows as plain JS values with BIGINT lists as numbers.
 */
export async function readParquetWithDuckDb(data: Uint8Array, select = '*'): Promise<{ rows: Array<Record<string, unknown>>; types: Record<string, string>; metadata: Record<string, string> }> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const dir = mkdtempSync(join(tmpdir(), 'ml-parquet-'));
  try {
    const file = join(dir, 'data.parquet');
    writeFileSync(file, data);
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const result = await connection.runAndReadAll(`SELECT ${select} FROM read_parquet('${file}')`);
    const rows = result.getRowObjectsJS().map((row) => JSON.parse(JSON.stringify(row, (_, v) => (typeof v === 'bigint' ? Number(v) : v))) as Record<string, unknown>);
    const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`);
    const types = Object.fromEntries(described.getRowObjectsJS().map((r) => [String(r.column_name), String(r.column_type)]));
    const kv = await connection.runAndReadAll(`SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata('${file}')`);
    const metadata = Object.fromEntries(kv.getRowObjectsJS().map((r) => [String(r.k), String(r.v)]));
    connection.closeSync();
    instance.closeSync();
    return { rows, types, metadata };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
