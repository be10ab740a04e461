/**
 * Output names mirror the server layout: the format's extension is appended unless the document
 * name already ends with it (`lorem.txt` → `lorem.txt.json`, but `weather.csv` stays `weather.csv`).
 */
export function outputFileName(documentName: string, extension: string): string {
  if (!extension) return documentName;
  const ext = extension.startsWith('.') ? extension : `.${extension}`;
  return documentName.toLowerCase().endsWith(ext.toLowerCase()) ? documentName : documentName + ext;
}

/**
 * Project folder name as the server writes it: `<name>-<id>`, `[` and `]` become `_` (confirmed);
 * `/ \ : * ? " < > |` and control characters become `_` (decided).
 */
export function projectFolderName(name: string, id: string): string {
  return `${sanitizePathPart(name)}-${sanitizePathPart(id)}`;
}

export function sanitizePathPart(part: string): string {
  // eslint-disable-next-line no-control-regex
  return part.replace(/[[\]/\\:*?"<>|\u0000-\u001f\u007f]/g, '_');
}

/** `ROOT-<user>` / `DOCUMENT-<user>` user part: the e-mail with `.` and `@` replaced by `_`. */
export function cabinetUserPart(email: string): string {
  return sanitizePathPart(email.replace(/[.@]/g, '_'));
}

/**
 * Longest output file or folder name, in UTF-8 bytes (decided). File systems allow 255 bytes per
 * name; the temporary names of staged writes (`.tmp-<name>-<run>-<n>`) and of downloads
 * (`<name>.part-<id>`) add up to about 35 more, so final names stop at 200.
 */
export const MAX_OUTPUT_NAME_BYTES = 200;

/** An output name as the file system can hold it, and why it differs from the wanted one. */
export interface FittedName {
  name: string;
  /** Empty when the name is unchanged. */
  changes: string[];
}

const utf8 = new TextEncoder();
/** The format's extension(s) kept on a shortened name: `.txt.json`, `.csv.tsv`, `.xlsx`. */
const KEPT_EXTENSION = /(\.[A-Za-z0-9]{1,10}){1,2}$/;

/**
 * True when `fitOutputName` keeps the name as it is for certain, decided without encoding it:
 * no NUL, and short enough in UTF-16 units. Most output names are; a caller skips the fitting
 * (and the list and object it returns) for them.
 */
export function fitsAsIs(name: string): boolean {
  return name.length * 3 <= MAX_OUTPUT_NAME_BYTES && !name.includes('\u0000');
}

/**
 * Fits one file or folder name of an output path (decided): a NUL, which no file system holds,
 * becomes `_`; a name over `MAX_OUTPUT_NAME_BYTES` keeps its start and its extension(s) and gets
 * `~` and 8 hex digits of a hash of the whole name between them, so two long names that share
 * their start still get two files. The caller reports the change.
 */
export function fitOutputName(name: string): FittedName {
  const changes: string[] = [];
  let fitted = name;
  if (fitted.includes('\u0000')) {
    fitted = fitted.replace(/\u0000/g, '_');
    changes.push('NUL became _');
  }
  // At most 3 UTF-8 bytes per UTF-16 unit: most names are short enough not to need encoding.
  const bytes = fitted.length * 3 <= MAX_OUTPUT_NAME_BYTES ? fitted.length : utf8.encode(fitted).length;
  if (bytes > MAX_OUTPUT_NAME_BYTES) {
    const extension = KEPT_EXTENSION.exec(fitted)?.[0] ?? '';
    const tag = `~${fnv1a(utf8.encode(name)).toString(16).padStart(8, '0')}`;
    fitted = cutToBytes(fitted.slice(0, fitted.length - extension.length), MAX_OUTPUT_NAME_BYTES - tag.length - extension.length) + tag + extension;
    changes.push(`${bytes} bytes, over the ${MAX_OUTPUT_NAME_BYTES}-byte limit for a name: shortened, with a hash of the full name`);
  }
  return { name: fitted, changes };
}

/** The longest start of `text` within `limit` UTF-8 bytes, cut between code points. */
function cutToBytes(text: string, limit: number): string {
  let used = 0;
  let end = 0;
  for (const char of text) {
    const size = utf8.encode(char).length;
    if (used + size > limit) break;
    used += size;
    end += char.length;
  }
  return text.slice(0, end);
}

/**
 * 32-bit FNV-1a: a short, stable tag for a name (not a checksum; the ZIP reader's CRC-32 lives
 * beside zlib, which the model must not load).
 */
function fnv1a(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193);
  return hash >>> 0;
}
