import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { InputError } from '../errors.js';
import { decodeText } from './decode.js';
import { readZipDirectory, type ZipEntryInfo } from './zip-entries.js';
import { inflateEntry } from './zip-inflate.js';
import { defaultZipCodec } from './zip-codec.js';
import { bytesSource } from './zip-source.js';

/** One worksheet as text cells: `rows[r][c]`, holes as `''`, each row as long as its last cell. */
export interface SheetText {
  name: string;
  rows: string[][];
}

/**
 * The worksheets of an XLSX workbook as text, read with the core ZIP reader and saxes (a kept,
 * small streaming XML parser; exceljs, 31 MB installed, is no longer a dependency). Cells read as
 * exceljs gave them to the read-back: strings as they are (shared, inline, formula strings, rich
 * text joined), numbers in their JavaScript form, booleans `true`/`false`, numbers in a date format
 * as ISO 8601, formulas as their cached result, errors as their code. SpreadsheetML's `_xHHHH_`
 * escapes are decoded in strings, as Excel does.
 */
export async function readWorkbookSheets(bytes: Uint8Array, file: string): Promise<SheetText[]> {
  const source = bytesSource(bytes);
  const entries = new Map<string, ZipEntryInfo>();
  let directory: ZipEntryInfo[];
  try {
    directory = await readZipDirectory(source, file);
  } catch (error) {
    throw notAWorkbook(file, (error as Error).message);
  }
  for (const entry of directory) entries.set(entry.name.replace(/^\/+/, ''), entry);
  const codec = defaultZipCodec();
  const part = async (name: string): Promise<string | undefined> => {
    const entry = entries.get(name);
    return entry ? decodeText(await inflateEntry(source, entry, file, codec)) : undefined;
  };
  const workbookXml = await part('xl/workbook.xml');
  if (workbookXml === undefined) throw notAWorkbook(file, 'it has no xl/workbook.xml');
  const { sheets, date1904 } = readWorkbookPart(workbookXml, file);
  // Shared strings and styles are optional parts (our writer has no shared strings).
  const optional = async <T>(name: string, read: (xml: string, file: string) => T, none: T) => {
    const xml = await part(name);
    return xml === undefined ? none : read(xml, file);
  };
  const targets = await optional('xl/_rels/workbook.xml.rels', readRelationships, new Map<string, string>());
  const shared = await optional('xl/sharedStrings.xml', readSharedStrings, []);
  const dateStyles = await optional('xl/styles.xml', readDateStyles, new Set<number>());
  const out: SheetText[] = [];
  for (const sheet of sheets) {
    const target = targets.get(sheet.relationship);
    const xml = target === undefined ? undefined : await part(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    if (xml === undefined) throw notAWorkbook(file, `the part of worksheet "${sheet.name}" is missing`);
    out.push({ name: sheet.name, rows: readSheetPart(xml, { shared, dateStyles, date1904 }, file) });
  }
  return out;
}

function notAWorkbook(file: string, why: string): InputError {
  return new InputError('INVALID_DOCUMENT', `the workbook does not open (${why})`, { file, expected: 'an XLSX workbook' });
}

/** Runs saxes over a part: element names without their namespace prefix. */
function parseXml(xml: string, file: string, on: { open?(name: string, attributes: Record<string, string>): void; text?(text: string): void; close?(name: string): void }): void {
  const parser = new SaxesParser();
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  parser.on('opentag', (tag: SaxesTagPlain) => on.open?.(local(tag.name), tag.attributes));
  if (on.text) {
    parser.on('text', on.text);
    parser.on('cdata', on.text);
  }
  parser.on('closetag', (tag: SaxesTagPlain) => on.close?.(local(tag.name)));
  try {
    parser.write(xml).close();
  } catch (error) {
    throw notAWorkbook(file, (error as Error).message);
  }
}

function readWorkbookPart(xml: string, file: string): { sheets: Array<{ name: string; relationship: string }>; date1904: boolean } {
  const sheets: Array<{ name: string; relationship: string }> = [];
  let date1904 = false;
  parseXml(xml, file, {
    open(name, attributes) {
      if (name === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
      if (name === 'sheet') sheets.push({ name: attributes.name ?? '', relationship: attributes['r:id'] ?? Object.entries(attributes).find(([k]) => k.endsWith(':id'))?.[1] ?? '' });
    },
  });
  return { sheets, date1904 };
}

function readRelationships(xml: string, file: string): Map<string, string> {
  const targets = new Map<string, string>();
  parseXml(xml, file, { open: (name, a) => void (name === 'Relationship' && a.Id && a.Target && targets.set(a.Id, a.Target)) });
  return targets;
}

/** Shared strings: the text of each `<si>`, runs joined, phonetic hints (`<rPh>`) left out. */
function readSharedStrings(xml: string, file: string): string[] {
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  parseXml(xml, file, {
    open(name) {
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    text(text) {
      if (inText && current) current.push(text);
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && current) {
        strings.push(unescapeXstring(current.join('')));
        current = null;
      }
    },
  });
  return strings;
}

/** Built-in number formats that are dates or times (ECMA-376 Part 1, 18.8.30). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

/** Which cell formats (`s` of a cell: index into `cellXfs`) show a number as a date. */
function readDateStyles(xml: string, file: string): Set<number> {
  const customDates = new Set<number>();
  const dates = new Set<number>();
  let inCellXfs = false;
  let xf = 0;
  parseXml(xml, file, {
    open(name, a) {
      if (name === 'numFmt' && isDateCode(a.formatCode ?? '')) customDates.add(Number(a.numFmtId));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        if (DATE_FORMAT_IDS.has(id) || customDates.has(id)) dates.add(xf);
        xf++;
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return dates;
}

/** A format code is a date when, outside quoted text and brackets, it has d, m, y, h or s. */
function isDateCode(code: string): boolean {
  return /[dmyhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
}

interface SheetContext {
  shared: readonly string[];
  dateStyles: ReadonlySet<number>;
  date1904: boolean;
}

function readSheetPart(xml: string, context: SheetContext, file: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let nextRow = 0;
  let nextColumn = 0;
  let cell: { column: number; type: string; style: number; value: string; inline: string; hasValue: boolean } | null = null;
  let reading: 'v' | 't' | null = null;
  parseXml(xml, file, {
    open(name, a) {
      if (name === 'row') {
        const r = a.r ? Number(a.r) - 1 : nextRow;
        row = rows[r] = [];
        nextRow = r + 1;
        nextColumn = 0;
      } else if (name === 'c') {
        const column = a.r ? columnIndex(a.r) : nextColumn;
        nextColumn = column + 1;
        cell = { column, type: a.t ?? 'n', style: Number(a.s ?? 0), value: '', inline: '', hasValue: false };
      } else if (cell && name === 'v') (reading = 'v'), (cell.hasValue = true);
      else if (cell && name === 't') reading = 't';
      else if (cell && name === 'rPh') reading = null;
    },
    text(text) {
      if (!cell || reading === null) return;
      if (reading === 'v') cell.value += text;
      else cell.inline += text;
    },
    close(name) {
      if (name === 'v' || name === 't') reading = null;
      else if (name === 'c' && cell) {
        const text = cellText(cell, context);
        for (let c = row.length; c < cell.column; c++) row[c] = '';
        row[cell.column] = text;
        cell = null;
      }
    },
  });
  for (let r = 0; r < rows.length; r++) {
    rows[r] ??= [];
    const cells = rows[r];
    for (let c = 0; c < cells.length; c++) cells[c] ??= '';
  }
  return rows;
}

function cellText(cell: { type: string; style: number; value: string; inline: string; hasValue: boolean }, context: SheetContext): string {
  switch (cell.type) {
    case 's':
      return context.shared[Number(cell.value)] ?? '';
    case 'inlineStr':
      return unescapeXstring(cell.inline);
    case 'str':
      return unescapeXstring(cell.value);
    case 'b':
      return cell.hasValue ? String(Number(cell.value) !== 0) : '';
    case 'e':
      return cell.value;
    case 'd': {
      const date = new Date(cell.value);
      return Number.isNaN(date.getTime()) ? cell.value : date.toISOString();
    }
    default: {
      if (!cell.hasValue || cell.value === '') return '';
      const number = Number(cell.value);
      if (Number.isNaN(number)) return cell.value;
      if (context.dateStyles.has(cell.style)) return excelDate(number, context.date1904).toISOString();
      return String(number);
    }
  }
}

/** An Excel serial date (days since 1899-12-30, or 1904-01-01 in 1904 workbooks) as a UTC time. */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round(((date1904 ? serial + 1462 : serial) - 25569) * 86_400_000));
}

/** `B12` → 1. */
function columnIndex(reference: string): number {
  let n = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

/** SpreadsheetML's `_xHHHH_` escapes (ST_Xstring): the character U+HHHH. */
function unescapeXstring(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}
