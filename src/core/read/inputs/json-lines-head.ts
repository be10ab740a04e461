import type { InputHead } from '../detect.js';

/**
 * The first record of a JSON-lines file, as the JSONL sniffers (Hugging Face token and text
 * classification, spaCy, Vertex) look at it: parsed once per file and shared between them through
 * the head's memo; `undefined` when the first non-blank line is not a whole JSON object (a cut
 * first line, another JSON, not JSON at all).
 */
export function firstJsonLine(head: InputHead): Record<string, unknown> | undefined {
  if (head.firstChar !== '{') return undefined;
  return head.memo('first JSON line', parseFirstLine);
}

function parseFirstLine(head: InputHead): Record<string, unknown> | undefined {
  let value: unknown;
  if (head.complete && oneLine(head.text)) {
    // A one-line file (a compact JSON document, most inputs): its line is the whole file, which
    // the server JSON sniffers parse anyway; parsing it again here cost as much as reading it.
    try {
      value = head.json();
    } catch {
      return undefined;
    }
  } else {
    const first = head.lines.find((l) => l.trim() !== '');
    if (!first || !first.trimStart().startsWith('{')) return undefined;
    try {
      value = JSON.parse(first);
    } catch {
      return undefined;
    }
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** True when the text holds no line break but at its end (white space after it aside). */
function oneLine(text: string): boolean {
  const end = text.indexOf('\n');
  return end < 0 || text.slice(end).trim() === '';
}
