import { hexToRgb } from './colors.js';

/** A number as PDF content writes it: at most 6 decimals, no exponent (as pdfkit does). */
export function pdfNumber(n: number): number {
  if (!(n > -1e21 && n < 1e21)) throw new Error(`unsupported number in PDF content: ${n}`);
  return Math.round(n * 1e6) / 1e6;
}

const encoder = new TextEncoder();

function contentNumber(n: number): number {
  if (!(n > -1e21 && n < 1e21)) throw new Error(`unsupported number in PDF content: ${n}`);
  return Math.round(n * 1000) / 1000;
}

const colorOps = new Map<string, string>();

/** `r g b` of a `#rrggbb` colour, 0–1, as content operands. */
export function pdfColor(hex: string): string {
  let op = colorOps.get(hex);
  if (op === undefined) {
    op = hexToRgb(hex)
      .map((c) => pdfNumber(c / 255))
      .join(' ');
    colorOps.set(hex, op);
  }
  return op;
}

/**
 * A page's content stream as text, written in the page's coordinates (pdfkit starts each page
 * with a transform to top-left origin, y down). The whole page goes to pdfkit in one piece.
 */
export class PageContent {
  private readonly parts: string[] = [];

  op(text: string): this {
    this.parts.push(text);
    return this;
  }

  /** Numbers joined by spaces, then the operator; 1/1000 pt is finer than any output device. */
  nums(values: readonly number[], operator: string): this {
    let text = '';
    for (const v of values) text += `${contentNumber(v)} `;
    this.parts.push(text + operator);
    return this;
  }

  toString(): string {
    return this.parts.join('\n');
  }

  /** The content as bytes (it is ASCII: names, numbers, hex strings, operators), one line per operation. */
  toBytes(): Uint8Array {
    return encoder.encode(`${this.toString()}\n`);
  }
}
