import type { LoadedFace } from './font-face.js';
import type { ShapedGlyph } from './measure.js';
import { pdfNumber } from './pdf-content.js';

/** The part of pdfkit's object writer this module uses: references it serializes and writes. */
export interface PdfObjects {
  ref(data?: Record<string, unknown>): PdfRef;
}
export interface PdfRef {
  data: Record<string, unknown>;
  write(chunk: Uint8Array | string): void;
  end(chunk?: Uint8Array | string): void;
}

/** A PDF string object (pdfkit writes a `String` object as a literal string). */
const pdfString = (text: string) => new String(text);

/**
 * One face as one PDF document uses it: a Type0 font with a CIDFontType2 whose CIDs are given
 * out in order of first use (CID i is glyph i of the embedded subset), the widths and the
 * characters of each CID (for copying text out of the PDF), and at the end the subset itself.
 * The same structure pdfkit's own embedded fonts write, built from glyphs the layout already
 * shaped, so drawing a word costs a lookup per glyph.
 */
export class EmbeddedFont {
  /** Original glyph id of each CID; CID 0 is .notdef. */
  private readonly glyphs: number[] = [0];
  private readonly cids = new Map<number, number>([[0, 0]]);
  private readonly widths: number[];
  private readonly characters: Array<readonly number[]> = [[0]];
  readonly ref: PdfRef;

  constructor(
    private readonly pdf: PdfObjects,
    private readonly loaded: LoadedFace,
    /** Resource name in the page's font dictionary (`F1`, `F2`, …). */
    readonly id: string,
  ) {
    this.ref = pdf.ref();
    const font = loaded.font;
    this.widths = [font.getGlyph(0).advanceWidth * (1000 / font.unitsPerEm)];
  }

  /** The CID of a shaped glyph as 4 hex digits (the font's encoding is Identity-H, 2 bytes per code). */
  hex(glyph: ShapedGlyph): string {
    let cid = this.cids.get(glyph.id);
    if (cid === undefined) {
      cid = this.glyphs.length;
      this.glyphs.push(glyph.id);
      this.cids.set(glyph.id, cid);
      this.widths.push(glyph.advance);
      this.characters.push(glyph.codePoints);
    }
    return HEX4[cid] ?? cid.toString(16).padStart(4, '0');
  }

  /** Writes the subset, descriptor, CID font and ToUnicode map; the Type0 dictionary goes into `ref`. */
  finish(): void {
    const { font, file } = this.loaded;
    const scale = 1000 / font.unitsPerEm;
    const fontFile = this.pdf.ref();
    fontFile.end(file.subset(this.glyphs));

    // Tables fontkit parses but its types do not list.
    const tables = font as unknown as { 'OS/2'?: { sFamilyClass?: number }; post?: { isFixedPitch?: number }; head?: { macStyle?: { italic?: boolean } } };
    const familyClass = (tables['OS/2']?.sFamilyClass ?? 0) >> 8;
    let flags = 1 << 2; // symbolic: glyphs outside the standard Latin set
    if (tables.post?.isFixedPitch) flags |= 1 << 0;
    if (familyClass >= 1 && familyClass <= 7) flags |= 1 << 1; // serif
    if (familyClass === 10) flags |= 1 << 3; // script
    if (tables.head?.macStyle?.italic) flags |= 1 << 6;
    // Subset fonts are named with a six-letter tag (ISO 32000-1 §9.6.4), here derived from the id.
    const tag = [...'ABCDEF'].map((c, i) => String.fromCharCode(65 + ((c.charCodeAt(0) - 65 + this.id.charCodeAt(i % this.id.length)) % 26))).join('');
    const name = `${tag}+${(font.postscriptName ?? this.loaded.face.name).replaceAll(' ', '_')}`;
    const { bbox } = font;
    const descriptor = this.pdf.ref({
      Type: 'FontDescriptor',
      FontName: name,
      Flags: flags,
      FontBBox: [bbox.minX * scale, bbox.minY * scale, bbox.maxX * scale, bbox.maxY * scale].map(pdfNumber),
      ItalicAngle: font.italicAngle,
      Ascent: pdfNumber(font.ascent * scale),
      Descent: pdfNumber(font.descent * scale),
      CapHeight: pdfNumber((font.capHeight || font.ascent) * scale),
      XHeight: pdfNumber((font.xHeight || 0) * scale),
      StemV: 0,
      FontFile2: fontFile,
    });
    descriptor.end();
    const cidFont = this.pdf.ref({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: name,
      CIDSystemInfo: { Registry: pdfString('Adobe'), Ordering: pdfString('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      W: [0, this.widths.map(pdfNumber)],
      CIDToGIDMap: 'Identity',
    });
    cidFont.end();
    this.ref.data = { Type: 'Font', Subtype: 'Type0', BaseFont: name, Encoding: 'Identity-H', DescendantFonts: [cidFont], ToUnicode: this.toUnicode() };
    this.ref.end();
  }

  /** The CMap from CIDs to the characters they show, in ranges of 256 as pdfkit writes it. */
  private toUnicode(): PdfRef {
    const entries = this.characters.map((codePoints) => {
      const units: string[] = [];
      for (let cp of codePoints) {
        if (cp > 0xffff) {
          cp -= 0x10000;
          units.push(hex4(((cp >>> 10) & 0x3ff) | 0xd800));
          cp = 0xdc00 | (cp & 0x3ff);
        }
        units.push(hex4(cp));
      }
      return `<${units.join(' ')}>`;
    });
    const ranges: string[] = [];
    for (let start = 0; start < entries.length; start += 256) {
      const end = Math.min(start + 256, entries.length);
      ranges.push(`<${hex4(start)}> <${hex4(end - 1)}> [${entries.slice(start, end).join(' ')}]`);
    }
    const cmap = this.pdf.ref();
    cmap.end(
      [
        '/CIDInit /ProcSet findresource begin',
        '12 dict begin',
        'begincmap',
        '/CIDSystemInfo <<',
        '  /Registry (Adobe)',
        '  /Ordering (UCS)',
        '  /Supplement 0',
        '>> def',
        '/CMapName /Adobe-Identity-UCS def',
        '/CMapType 2 def',
        '1 begincodespacerange',
        '<0000><ffff>',
        'endcodespacerange',
        `${ranges.length} beginbfrange`,
        ...ranges,
        'endbfrange',
        'endcmap',
        'CMapName currentdict /CMap defineresource pop',
        'end',
        'end',
      ].join('\n'),
    );
    return cmap;
  }
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');
/** The 4-digit hex of the first CIDs, which every document uses. */
const HEX4 = Array.from({ length: 4096 }, (_, i) => hex4(i));
