import type { InputHead } from '../detect.js';

/**
 * The first record of a JSON-lines file, as the JSONL sniffers (Hugging Face token and text
 * classification, spaCy) look at it: parsed once per file and shared between them through the
 * head's memo; `undefined` when the first non-blank line is not a whole JSON object (a cut first
 * line, another JSON, not JSON at all).
 */
export function firstJsonLine(head: InputHead): Record<string, unknown> | undefined {
  return head.memo('first JSON line', () => {
    const first = head.lines.find((l) => l.trim() !== '');
    if (!first || !first.trimStart().startsWith('{')) return undefined;
    try {
      const record: unknown = JSON.parse(first);
      return record !== null && typeof record === 'object' && !Array.isArray(record) ? (record as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  });
}
