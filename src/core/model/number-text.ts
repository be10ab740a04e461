/**
 * Numbers whose JSON text a double cannot reproduce (issue 14 item 9): `12345678901234567890123`
 * parses to 1.2345678901234568e+22, `1e400` to Infinity (written `null`), `-0` to 0 (written `0`),
 * `1.50` to 1.5. The model holds doubles; the source text of such numbers is found by scanning the
 * JSON text (only when a reader saw a suspicious value, so the common document pays nothing) and
 * written back, by JSON path, by the writers that reproduce a source file byte for byte.
 */

/**
 * A parsed number whose source text was probably not its shortest form: -0, not finite, beyond
 * exact integers (2^53), or one JavaScript writes with an exponent. Fractions such as 1.50 cannot
 * be told from 1.5 by value; the text scan that such a value starts finds them too.
 */
export function isInexactNumber(v: number): boolean {
  if (Number.isSafeInteger(v)) return v === 0 && 1 / v < 0;
  if (!Number.isFinite(v)) return true;
  const a = Math.abs(v);
  return a >= 2 ** 53 || a < 1e-6;
}

/** Whether a parsed JSON value holds an inexact number anywhere (iterative: values may nest deeply). */
export function hasInexactNumber(root: unknown): boolean {
  if (typeof root === 'number') return isInexactNumber(root);
  if (root === null || typeof root !== 'object') return false;
  const stack: unknown[] = [root];
  while (stack.length) {
    const value = stack.pop();
    if (typeof value === 'number') {
      if (isInexactNumber(value)) return true;
    } else if (value !== null && typeof value === 'object') {
      for (const child of Array.isArray(value) ? value : Object.values(value)) if (typeof child === 'number' || (child !== null && typeof child === 'object')) stack.push(child);
    }
  }
  return false;
}

/** A number (or `null`) token of a JSON text: its place and the path of the value it is. */
interface Token {
  start: number;
  end: number;
  path: () => string;
}

interface Frame {
  array: boolean;
  index: number;
  key: string;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Walks a valid JSON text and calls `visit` for each number and `null` token. Strings are skipped
 * with `indexOf`, so the cost is one pass over the structure.
 */
function scanScalars(text: string, visit: (token: Token) => void): void {
  const stack: Frame[] = [];
  let expectKey = false;
  const path = () => {
    let out = '$';
    for (const f of stack) out += f.array ? `[${f.index}]` : IDENTIFIER.test(f.key) ? `.${f.key}` : `[${JSON.stringify(f.key)}]`;
    return out;
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let j = i + 1;
      while (true) {
        j = text.indexOf('"', j);
        if (j === -1) return;
        let slashes = 0;
        for (let k = j - 1; text.charCodeAt(k) === 0x5c; k--) slashes++;
        if (slashes % 2 === 0) break;
        j++;
      }
      if (expectKey) {
        stack[stack.length - 1].key = JSON.parse(text.slice(i, j + 1)) as string;
        expectKey = false;
      }
      i = j + 1;
    } else if (c === 0x7b /* { */) {
      stack.push({ array: false, index: 0, key: '' });
      expectKey = true;
      i++;
    } else if (c === 0x5b /* [ */) {
      stack.push({ array: true, index: 0, key: '' });
      i++;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      i++;
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top.array) top.index++;
      else expectKey = true;
      i++;
    } else if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39) || c === 0x6e /* n(ull) */) {
      let j = i + 1;
      while (j < n && isTokenChar(text.charCodeAt(j))) j++;
      visit({ start: i, end: j, path });
      i = j;
    } else i++;
  }
}

const isTokenChar = (c: number) => (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2b || c === 0x2d || c === 0x65 || c === 0x45 || (c >= 0x61 && c <= 0x7a);

/** Whether the text of a number token is not what JSON.stringify writes for its value. */
function isInexactText(token: string): boolean {
  // Plain integers of up to 15 digits are written as they are: most tokens stop here.
  if (/^(?:0|-?[1-9]\d{0,14})$/.test(token)) return false;
  return JSON.stringify(JSON.parse(token)) !== token;
}

/** The source text of every number a double does not reproduce, by JSON path; undefined if none. */
export function findNumberTexts(text: string): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  scanScalars(text, (t) => {
    if (text.charCodeAt(t.start) === 0x6e) return;
    const token = text.slice(t.start, t.end);
    if (isInexactText(token)) (out ??= {})[t.path()] = token;
  });
  return out;
}

/**
 * Puts source number texts back into a JSON text written from the model: a token at a recorded path
 * is replaced when it is what the double of the source text is written as (the model did not change
 * the value), so a value the model changed is never overwritten.
 */
export function restoreNumberTexts(json: string, numbers: Record<string, string>): string {
  const parts: string[] = [];
  let last = 0;
  // Only a token written as one of the sources' doubles can be one of them: its path is built only then.
  const written = new Set(Object.values(numbers).map((source) => JSON.stringify(JSON.parse(source))));
  scanScalars(json, (t) => {
    const token = json.slice(t.start, t.end);
    if (!written.has(token)) return;
    const source = numbers[t.path()];
    if (source === undefined || token !== JSON.stringify(JSON.parse(source))) return;
    parts.push(json.slice(last, t.start), source);
    last = t.end;
  });
  if (!parts.length) return json;
  parts.push(json.slice(last));
  return parts.join('');
}
