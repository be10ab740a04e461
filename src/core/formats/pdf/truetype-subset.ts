/**
 * A TrueType (glyf) font cut down to the glyphs one PDF uses, as a PDF embeds it for a
 * CIDFontType2 with an identity CID-to-glyph map: new glyph id i is CID i, 0 is .notdef.
 *
 * Why not fontkit's subsetter (which pdfkit uses): it decodes every glyph's outline and encodes
 * the tables through its generic structures, about 12 ms per document and font, more than the
 * whole budget of a one-page PDF (bench/pdf-1000-pages.ts). Here glyph records are copied as
 * bytes; only composite glyphs are read, to renumber their components. The tables kept are the
 * ones a PDF font program needs (ISO 32000-1 §9.9: glyf, head, hhea, hmtx, loca, maxp, and the
 * hinting tables cvt, fpgm and prep when the font has them): the same set fontkit writes.
 */
export class TrueTypeFont {
  private readonly view: DataView;
  private readonly tables = new Map<string, { offset: number; length: number }>();
  readonly numGlyphs: number;
  private readonly longLoca: boolean;
  private readonly numberOfHMetrics: number;

  private readonly bytes: Uint8Array;

  constructor(file: Uint8Array) {
    // A plain Uint8Array view: on a subclass (a Node buffer) slice() is a view into the file, and
    // the subset's edited tables would be written into the font itself.
    const bytes = (this.bytes = new Uint8Array(file.buffer, file.byteOffset, file.byteLength));
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const count = this.view.getUint16(4);
    for (let i = 0; i < count; i++) {
      const at = 12 + i * 16;
      const tag = String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
      this.tables.set(tag, { offset: this.view.getUint32(at + 8), length: this.view.getUint32(at + 12) });
    }
    for (const tag of ['head', 'hhea', 'hmtx', 'loca', 'maxp', 'glyf']) {
      if (!this.tables.has(tag)) throw new Error(`not a TrueType outline font: no ${tag} table`);
    }
    this.numGlyphs = this.view.getUint16(this.table('maxp').offset + 4);
    this.longLoca = this.view.getInt16(this.table('head').offset + 50) === 1;
    this.numberOfHMetrics = this.view.getUint16(this.table('hhea').offset + 34);
  }

  private table(tag: string): { offset: number; length: number } {
    return this.tables.get(tag)!;
  }

  /** Byte range of a glyph's record inside the file (empty for a glyph without outline). */
  private glyphRange(gid: number): [number, number] {
    const loca = this.table('loca').offset;
    const glyf = this.table('glyf').offset;
    const [from, to] = this.longLoca
      ? [this.view.getUint32(loca + gid * 4), this.view.getUint32(loca + gid * 4 + 4)]
      : [this.view.getUint16(loca + gid * 2) * 2, this.view.getUint16(loca + gid * 2 + 2) * 2];
    return [glyf + from, glyf + Math.max(from, to)];
  }

  private metrics(gid: number): [advance: number, leftBearing: number] {
    const hmtx = this.table('hmtx').offset;
    if (gid < this.numberOfHMetrics) return [this.view.getUint16(hmtx + gid * 4), this.view.getInt16(hmtx + gid * 4 + 2)];
    const advance = this.view.getUint16(hmtx + (this.numberOfHMetrics - 1) * 4);
    return [advance, this.view.getInt16(hmtx + this.numberOfHMetrics * 4 + (gid - this.numberOfHMetrics) * 2)];
  }

  /**
   * The font file holding `glyphs` (original ids; the first must be 0, .notdef) as new ids 0, 1,
   * 2, …; components of composite glyphs are appended after them.
   */
  subset(glyphs: readonly number[]): Uint8Array {
    const order = [...glyphs];
    const newId = new Map(order.map((gid, i) => [gid, i]));
    const include = (gid: number) => {
      let id = newId.get(gid);
      if (id === undefined) {
        id = order.length;
        order.push(gid);
        newId.set(gid, id);
      }
      return id;
    };
    const records: Uint8Array[] = [];
    const offsets = [0];
    let size = 0;
    // `order` grows while composite glyphs add their components.
    for (let i = 0; i < order.length; i++) {
      const gid = order[i] < this.numGlyphs ? order[i] : 0;
      const [from, to] = this.glyphRange(gid);
      let record = this.bytes.subarray(from, to);
      if (record.length >= 10 && this.view.getInt16(from) < 0) record = this.renumberComponents(record, include);
      records.push(record);
      size += (record.length + 3) & ~3;
      offsets.push(size);
    }

    const count = order.length;
    const glyf = new Uint8Array(size);
    records.forEach((r, i) => glyf.set(r, offsets[i]));
    const loca = new Uint8Array((count + 1) * 4);
    const locaView = new DataView(loca.buffer);
    offsets.forEach((o, i) => locaView.setUint32(i * 4, o));
    const hmtx = new Uint8Array(count * 4);
    const hmtxView = new DataView(hmtx.buffer);
    order.forEach((gid, i) => {
      const [advance, bearing] = this.metrics(gid < this.numGlyphs ? gid : 0);
      hmtxView.setUint16(i * 4, advance);
      hmtxView.setInt16(i * 4 + 2, bearing);
    });
    const head = this.copy('head');
    new DataView(head.buffer).setUint32(8, 0); // checkSumAdjustment, set below
    new DataView(head.buffer).setInt16(50, 1); // long loca offsets
    const hhea = this.copy('hhea');
    new DataView(hhea.buffer).setUint16(34, count);
    const maxp = this.copy('maxp');
    new DataView(maxp.buffer).setUint16(4, count);

    const out: Array<[string, Uint8Array]> = [['glyf', glyf], ['head', head], ['hhea', hhea], ['hmtx', hmtx], ['loca', loca], ['maxp', maxp]];
    for (const tag of ['cvt ', 'fpgm', 'prep']) if (this.tables.has(tag)) out.push([tag, this.copy(tag)]);
    return assemble(out);
  }

  private copy(tag: string): Uint8Array {
    const { offset, length } = this.table(tag);
    return this.bytes.slice(offset, offset + length);
  }

  /** A composite glyph's record with each component's glyph id replaced by its new id. */
  private renumberComponents(record: Uint8Array, include: (gid: number) => number): Uint8Array {
    const copy = record.slice();
    const view = new DataView(copy.buffer);
    let at = 10;
    for (;;) {
      const flags = view.getUint16(at);
      view.setUint16(at + 2, include(view.getUint16(at + 2)));
      at += 4 + (flags & 0x0001 ? 4 : 2); // ARG_1_AND_2_ARE_WORDS
      if (flags & 0x0008) at += 2; // WE_HAVE_A_SCALE
      else if (flags & 0x0040) at += 4; // WE_HAVE_AN_X_AND_Y_SCALE
      else if (flags & 0x0080) at += 8; // WE_HAVE_A_TWO_BY_TWO
      if (!(flags & 0x0020) || at + 4 > copy.length) return copy; // MORE_COMPONENTS
    }
  }
}

/** An sfnt file from its tables: directory sorted by tag, 4-byte aligned tables, checksums. */
function assemble(tables: Array<[string, Uint8Array]>): Uint8Array {
  tables.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const count = tables.length;
  const headerSize = 12 + count * 16;
  let size = headerSize;
  for (const [, data] of tables) size += (data.length + 3) & ~3;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const power = 2 ** Math.floor(Math.log2(count));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, count);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, count * 16 - power * 16);
  let at = headerSize;
  let headAt = -1;
  tables.forEach(([tag, data], i) => {
    const entry = 12 + i * 16;
    for (let c = 0; c < 4; c++) out[entry + c] = tag.charCodeAt(c);
    out.set(data, at);
    view.setUint32(entry + 4, checksum(out, at, data.length));
    view.setUint32(entry + 8, at);
    view.setUint32(entry + 12, data.length);
    if (tag === 'head') headAt = at;
    at += (data.length + 3) & ~3;
  });
  view.setUint32(headAt + 8, (0xb1b0afba - checksum(out, 0, out.length)) >>> 0);
  return out;
}

function checksum(bytes: Uint8Array, from: number, length: number): number {
  let sum = 0;
  const end = from + length;
  for (let i = from; i < end; i += 4) {
    sum = (sum + ((bytes[i] << 24) | ((bytes[i + 1] ?? 0) << 16) | ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0))) >>> 0;
  }
  return sum;
}
