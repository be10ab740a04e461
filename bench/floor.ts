import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';

/**
 * The floor of a conversion: what no converter can avoid. `JSON.parse` of every converted input
 * document (inflating it first when it sits in a ZIP) and writing the same number of output files
 * with the same total bytes as the case measured.
 */
export function runFloor(input: string, outDir: string, outFiles: number, outBytes: number): void {
  if (input.endsWith('.zip')) for (const text of reviewEntries(readFileSync(input))) JSON.parse(text);
  else JSON.parse(readFileSync(input, 'utf8'));
  mkdirSync(outDir, { recursive: true });
  const files = Math.max(1, outFiles);
  const each = Math.floor(outBytes / files);
  const filler = Buffer.alloc(each + (outBytes - each * files), 0x78);
  for (let f = 0; f < files; f++) writeFileSync(path.join(outDir, `out-${f}`), f === 0 ? filler : filler.subarray(0, each));
}

/** The REVIEW documents of a ZIP, by walking its local headers (the bench ZIPs have sizes there). */
function* reviewEntries(zip: Buffer): Iterable<string> {
  for (let at = 0; at + 30 <= zip.length && zip.readUInt32LE(at) === 0x04034b50; ) {
    const method = zip.readUInt16LE(at + 8);
    const packed = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const extraLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 30, at + 30 + nameLength);
    const start = at + 30 + nameLength + extraLength;
    if (/\/REVIEW\/[^/]+\.json$/.test(name)) {
      const data = zip.subarray(start, start + packed);
      yield (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at = start + packed;
  }
}
