import type { Cabinet } from '../model/types.js';

/** Where a file sits in the export layout (FORMATS.md §1). */
export type LayoutPlace =
  | { type: 'document'; projectFolder: string | null; cabinet: Cabinet | null; fileName: string }
  | { type: 'project-data'; projectFolder: string }
  | { type: 'ignored'; reason: IgnoredReason };

/**
 * Why an entry of the input is not read; each is named in the report (`InputFileIgnored`, see
 * `ignored-entries.ts`). Three come from folders on disk; the last is a project's
 * `project-data.json` past the per-file limit (the project is then named from its folder).
 */
export type IgnoredReason =
  | 'operating-system file'
  | 'hidden file outside the export layout'
  | 'not in the export layout'
  | 'not a regular file (a FIFO, socket or device)'
  | 'a link to a folder (not followed)'
  | 'a broken link'
  | 'larger than one file may be in this process (raise --max-entry-bytes if it is trusted)';

const CABINET = /^(REVIEW|ROOT-(.+)|DOCUMENT-(.+))$/;

/**
 * What operating systems add to folders and archives (macOS `__MACOSX/` resource forks, Finder's
 * `.DS_Store`, AppleDouble `._name` files; Windows `Thumbs.db` and `desktop.ini`): never documents.
 */
const OS_FOLDER = '__MACOSX';
const OS_FILE = /^(\.DS_Store|\._.+|Thumbs\.db|desktop\.ini)$/i;

export function parseCabinetFolder(folder: string): Cabinet | null {
  const match = CABINET.exec(folder);
  if (!match) return null;
  if (match[1] === 'REVIEW') return { role: 'REVIEW', folder };
  return match[2] !== undefined ? { role: 'ROOT', user: match[2], folder } : { role: 'DOCUMENT', user: match[3], folder };
}

/**
 * Places an entry path (`Project-id/REVIEW/lorem.txt.json`) in the layout. Names starting with a
 * dot are Datasaur names like any other (a project `.NET samples`, a document `.env`): inside the
 * server layout they are read. Outside it a dot name is far more likely a tool's hidden file
 * (`.git/`, `.vscode/settings.json`), so it is not read, and named (decided).
 */
export function placeEntry(path: string): LayoutPlace {
  const parts = path.replace(/\\/g, '/').split('/').filter(Boolean);
  const fileName = parts[parts.length - 1] ?? '';
  if (parts.includes(OS_FOLDER) || OS_FILE.test(fileName)) return { type: 'ignored', reason: 'operating-system file' };
  if (parts.length === 2 && fileName === 'project-data.json') return { type: 'project-data', projectFolder: parts[0] };
  if (parts.length >= 3) {
    const cabinet = parseCabinetFolder(parts[1]);
    if (cabinet) return { type: 'document', projectFolder: parts[0], cabinet, fileName: parts.slice(2).join('/') };
  }
  if (parts.length >= 2) {
    const cabinet = parseCabinetFolder(parts[0]);
    if (cabinet) return { type: 'document', projectFolder: null, cabinet, fileName: parts.slice(1).join('/') };
  }
  if (parts.some((part) => part.startsWith('.'))) return { type: 'ignored', reason: 'hidden file outside the export layout' };
  // A project folder with documents directly inside (a hand-made folder): treat as REVIEW.
  if (parts.length === 2) return { type: 'document', projectFolder: parts[0], cabinet: null, fileName };
  if (parts.length === 1) return { type: 'document', projectFolder: null, cabinet: null, fileName };
  return { type: 'ignored', reason: 'not in the export layout' };
}

/** `<name>-<id>` → name and id: the id is what follows the last `-`. */
export function splitProjectFolder(folder: string): { name: string; id: string } {
  const at = folder.lastIndexOf('-');
  return at > 0 ? { name: folder.slice(0, at), id: folder.slice(at + 1) } : { name: folder, id: folder };
}

/**
 * Document name from its file name: the format's extension is removed (`lorem.txt.json` →
 * `lorem.txt`, `lorem.txt.tsv` → `lorem.txt`), as the writers add it; a name with one extension
 * other than `.json` is the uploaded name itself (`weather.csv`, as the server's CSV export names it).
 */
export function documentNameFromFile(fileName: string): string {
  const base = fileName.replace(/^.*\//, '');
  if (/\.json$/i.test(base)) return base.slice(0, -5);
  return /\.[^./]+\.[^./]+$/.test(base) ? base.replace(/\.[^./]+$/, '') : base;
}
