import { Report } from '../../../src/core/report/report.js';
import { resolveOptions, type ConvertOptions } from '../../../src/core/formats/options.js';
import type { WriteContext } from '../../../src/core/formats/types.js';

export const SAMPLES = '../shared/samples';

export function context(options: Partial<ConvertOptions> = {}): WriteContext & { report: Report } {
  return { options: resolveOptions(options), report: new Report({ format: 'TEST', document: 'doc' }) };
}

export function text(content: string | Uint8Array | AsyncIterable<string | Uint8Array>): string {
  if (typeof content !== 'string') throw new Error('expected text content');
  return content;
}

export async function bytes(content: string | Uint8Array | AsyncIterable<string | Uint8Array>): Promise<Buffer> {
  if (typeof content === 'string') return Buffer.from(content, 'utf8');
  if (content instanceof Uint8Array) return Buffer.from(content);
  const chunks: Buffer[] = [];
  for await (const chunk of content) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
