import { Zip, ZipDeflate } from '../../deps/fflate.js';

/**
 * The smallest SpreadsheetML package our XLSX needs (ECMA-376 Part 1, transitional, as Excel,
 * LibreOffice and exceljs read it): content types, relationships, a workbook listing the sheets,
 * a style sheet with a bold font for the header row, and one worksheet part per sheet whose cells
 * are inline strings. Written through fflate's streaming `Zip` (already the core ZIP reader's
 * inflate), so it runs in any runtime and holds one chunk of rows at a time, never the workbook.
 *
 * Why not a library: exceljs (31 MB installed with its dependencies, 20.9 MB of it browser
 * bundles) streams only into Node streams, and the kept writers that stream (none found that are
 * both maintained and runtime-neutral) do not fit the core; bench/README.md has the comparison.
 */
export interface WorkbookSheet {
  name: string;
  header: readonly string[];
  /** Rows of cell text, already fitted to what a cell can hold (xlsx-cells.ts). */
  rows: Iterable<readonly string[]>;
  /** Rows that come in batches instead (a document whose rows are streamed); `rows` is then empty. */
  rowBatches?: AsyncIterable<readonly (readonly string[])[]>;
}

/** Every part gets this time: the same workbook gives the same bytes (exceljs stamped "now"). */
const FIXED_MTIME = new Date(Date.UTC(2000, 0, 1));
/** Level 1 of deflate: 4× faster than level 6 on sheet XML for a file about 10% larger (bench/README.md). */
const LEVEL: DeflateLevel = 1;
type DeflateLevel = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
/** Bytes of sheet XML gathered before a deflate call and a yield of what it produced. */
const CHUNK_CHARS = 1 << 20;

/** `level`: deflate level (the bench compares levels; the writer uses LEVEL). */
export async function* workbookBytes(sheets: readonly WorkbookSheet[], level: DeflateLevel = LEVEL): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  let failed: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failed = error;
    else out.push(data);
  });
  const encoder = new TextEncoder();
  const take = function* (): Generator<Uint8Array> {
    if (failed) throw failed;
    for (const chunk of out) yield chunk;
    out.length = 0;
  };
  const entry = (name: string) => {
    const file = new ZipDeflate(name, { level });
    file.mtime = FIXED_MTIME;
    zip.add(file);
    return file;
  };
  const part = (name: string, xml: string) => entry(name).push(encoder.encode(xml), true);

  part('[Content_Types].xml', contentTypes(sheets.length));
  part('_rels/.rels', ROOT_RELS);
  part('xl/workbook.xml', workbook(sheets));
  part('xl/_rels/workbook.xml.rels', workbookRels(sheets.length));
  part('xl/styles.xml', STYLES);
  yield* take();
  for (const [n, sheet] of sheets.entries()) {
    const file = entry(`xl/worksheets/sheet${n + 1}.xml`);
    let xml = SHEET_START + rowXml(sheet.header, 1, HEADER_STYLE);
    let r = 1;
    for await (const batch of sheet.rowBatches ?? [sheet.rows]) {
      for (const cells of batch) {
        xml += rowXml(cells, ++r, '');
        if (xml.length >= CHUNK_CHARS) {
          file.push(encoder.encode(xml), false);
          xml = '';
          yield* take();
          // Let other work run between chunks (a large sheet takes seconds).
          await Promise.resolve();
        }
      }
    }
    file.push(encoder.encode(xml + SHEET_END), true);
    yield* take();
  }
  zip.end();
  yield* take();
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
/** `s="1"`: the bold cell format of STYLES. */
const HEADER_STYLE = ' s="1"';

function contentTypes(sheetCount: number): string {
  let sheets = '';
  for (let n = 1; n <= sheetCount; n++) sheets += `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="${SHEET_TYPE}"/>`;
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    `${sheets}</Types>`
  );
}

const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

function workbook(sheets: readonly WorkbookSheet[]): string {
  const list = sheets.map((s, n) => `<sheet name="${escapeAttribute(s.name)}" sheetId="${n + 1}" r:id="rId${n + 1}"/>`).join('');
  return `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>${list}</sheets></workbook>`;
}

function workbookRels(sheetCount: number): string {
  let rels = '';
  for (let n = 1; n <= sheetCount; n++) rels += `<Relationship Id="rId${n}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${n}.xml"/>`;
  rels += `<Relationship Id="rId${sheetCount + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>`;
  return `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">${rels}</Relationships>`;
}

// Fonts 0 (regular) and 1 (bold); the two fills Excel requires; cell formats 0 (default) and 1 (bold).
const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

// The header row is frozen: the pane below row 1 scrolls.
const SHEET_START =
  `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
  '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>' +
  '<sheetData>';
const SHEET_END = '</sheetData></worksheet>';

/** Column letters (A … XFD), computed as they are first needed. */
const columnNames: string[] = [];
function columnName(c: number): string {
  let name = columnNames[c];
  if (name === undefined) {
    name = '';
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    columnNames[c] = name;
  }
  return name;
}

/**
 * One `<row>`: every non-empty value an inline string cell (text, never a number or a date guess);
 * an empty value is no cell, which every reader takes as empty.
 */
function rowXml(cells: readonly string[], r: number, style: string): string {
  let xml = `<row r="${r}">`;
  for (let c = 0; c < cells.length; c++) {
    const value = cells[c];
    if (value === '') continue;
    const space = EDGE_SPACE.test(value) ? ' xml:space="preserve"' : '';
    xml += `<c r="${columnName(c)}${r}"${style} t="inlineStr"><is><t${space}>${escapeText(value)}</t></is></c>`;
  }
  return xml + '</row>';
}

/** Leading or trailing white space is only kept by readers when `xml:space="preserve"` says so. */
const EDGE_SPACE = /^\s|\s$/;
const TEXT_SPECIAL = /[&<>]|_x[0-9A-Fa-f]{4}_/;

/**
 * XML escaping, plus SpreadsheetML's own: readers decode `_xHHHH_` in a string as the character
 * U+HHHH, so a value that holds such a sequence has its `_` written as `_x005F_` and reads back as
 * written.
 */
function escapeText(value: string): string {
  if (!TEXT_SPECIAL.test(value)) return value;
  return value.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Plain XML escaping for an attribute (a sheet name: readers take it as written). */
function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
