import { concatBytes } from '../bytes.js';
import type { OutputContent } from './types.js';

const encoder = new TextEncoder();

/**
 * An output's content as one byte array in a buffer of its own (text as UTF-8; a stream is read to
 * its end), so it can be transferred to another thread without taking a shared buffer along.
 */
export async function contentBytes(content: OutputContent): Promise<Uint8Array> {
  if (typeof content === 'string') return encoder.encode(content);
  if (content instanceof Uint8Array) return content.slice();
  const chunks: Uint8Array[] = [];
  for await (const chunk of content) chunks.push(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
  return chunks.length === 1 ? chunks[0].slice() : concatBytes(chunks);
}
