import type { Report } from '../report/report.js';
import { decodeText } from './decode.js';

/**
 * UTF-8 bytes to text (issue 14 item 9): invalid sequences become U+FFFD, as any decoder does, but
 * not in silence: where they are is found (only then: the fatal decoder validates natively at no
 * extra cost, measured on an 83 MB document) and reported with its byte offset. A byte order mark
 * is kept in the text: the JSON reader reports it and the same-bytes writers write it back.
 */
const strict = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });

export interface InvalidUtf8 {
  /** Byte offset of the first invalid sequence. */
  first: number;
  /** Invalid sequences (each became one U+FFFD). */
  count: number;
}

export interface DecodedText {
  text: string;
  invalid?: InvalidUtf8;
}

export function decodeUtf8(bytes: Uint8Array): DecodedText {
  try {
    return { text: strict.decode(bytes) };
  } catch {
    return { text: decodeText(bytes), invalid: findInvalidUtf8(bytes) };
  }
}

/**
 * The invalid sequences of a byte string, counted as the WHATWG decoder replaces them: a byte that
 * cannot start a sequence, or the valid prefix of a sequence cut short, is one replacement.
 */
export function findInvalidUtf8(bytes: Uint8Array): InvalidUtf8 | undefined {
  let first = -1;
  let count = 0;
  const bad = (at: number) => {
    if (first < 0) first = at;
    count++;
  };
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    // Sequence length and the allowed range of the second byte (no overlongs, no surrogates, ≤ U+10FFFF).
    let need = 0;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else {
      bad(i++);
      continue;
    }
    let j = i + 1;
    let ok = true;
    for (let k = 0; k < need; k++, j++) {
      const c = bytes[j];
      const [lo, hi] = k === 0 ? [low, high] : [0x80, 0xbf];
      if (c === undefined || c < lo || c > hi) {
        ok = false;
        break;
      }
    }
    if (ok) i = j;
    else {
      bad(i);
      i = Math.max(j, i + 1);
    }
  }
  return count ? { first, count } : undefined;
}

/** One warning per document: the first place and how many. */
export function reportInvalidUtf8(report: Report | undefined, file: string, invalid: InvalidUtf8): void {
  report?.add({
    kind: 'InvalidUtf8',
    text: `${invalid.count} byte sequence(s) are not UTF-8 (the first at byte ${invalid.first}); each was read as U+FFFD, so the outputs hold U+FFFD there`,
    place: { file, byte: invalid.first },
  });
}
