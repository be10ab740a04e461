import type { Cabinet, Document } from '../model/types.js';
import type { Report } from '../report/report.js';
import type { DocumentRef, ProjectRef } from './input.js';
import type { EntryList } from './entry-list.js';
import { InputError } from '../errors.js';
import { documentNameFromFile, parseCabinetFolder, placeEntry } from './layout.js';
import { PathLookup } from './path-lookup.js';
import { parseDocumentBytes } from './parse-document.js';

/** What the documents of one input share: its entries, how they are named, its projects. */
export class EntryIndex {
  readonly lookup: PathLookup;
  /** One cabinet object per cabinet folder. */
  private readonly cabinets = new Map<string, Cabinet>();
  /** The last document described: a run asks for one document's fields several times in a row. */
  private last: { position: number; described: Described } | undefined;

  constructor(
    readonly entries: EntryList,
    readonly display: (path: string) => string,
    readonly fallbackFolder: string,
    readonly projects: ReadonlyMap<string, ProjectRef>,
    readonly inputFormat: string | undefined,
  ) {
    this.lookup = new PathLookup(entries);
  }

  /** The fields of the document at `position`, worked out from its path. */
  describe(position: number): Described {
    if (this.last?.position === position) return this.last.described;
    const path = this.entries.path(position);
    const place = placeEntry(path);
    if (place.type !== 'document') throw new Error(`unreachable: entry ${path} is not a document`);
    const folder = place.cabinet?.folder ?? 'REVIEW';
    let cabinet = this.cabinets.get(folder);
    if (!cabinet) this.cabinets.set(folder, (cabinet = place.cabinet ?? parseCabinetFolder(folder)!));
    const described: Described = {
      path,
      file: this.display(path),
      projectFolder: place.projectFolder ?? this.fallbackFolder,
      cabinet,
      documentName: documentNameFromFile(place.fileName),
    };
    this.last = { position, described };
    return described;
  }
}

interface Described {
  path: string;
  file: string;
  projectFolder: string;
  cabinet: Cabinet;
  documentName: string;
}

/**
 * A document of an input, as two fields: the input's shared index and the entry's position. Its
 * names are worked out when asked for, so a list of 40,000 of them costs about 50 bytes each
 * instead of the strings and closures each used to hold for the whole run.
 */
export class EntryDocument implements DocumentRef {
  constructor(
    private readonly index: EntryIndex,
    private readonly position: number,
  ) {}

  get file(): string {
    return this.index.describe(this.position).file;
  }

  get projectFolder(): string {
    return this.index.describe(this.position).projectFolder;
  }

  get cabinet(): Cabinet {
    return this.index.describe(this.position).cabinet;
  }

  get documentName(): string {
    return this.index.describe(this.position).documentName;
  }

  get inputBytes(): number | undefined {
    return this.index.entries.size(this.position);
  }

  async load(report?: Report): Promise<Document> {
    const { entries, display, lookup, inputFormat } = this.index;
    const { path, file, projectFolder: folder, cabinet, documentName } = this.index.describe(this.position);
    const project = this.index.projects.get(folder)!;
    const folderOf = path.slice(0, path.lastIndexOf('/') + 1);
    const companion = (name: string) => {
      const at = lookup.find(folderOf + name);
      if (at === undefined) return undefined;
      const next = entries.entry(at);
      if (!next.readSync) {
        throw new InputError('UNSUPPORTED', `the companion file "${name}" cannot be read from an input given as a Blob or stream`, {
          file: display(next.path),
          hint: 'Pass the export as bytes (Uint8Array) or a path instead.',
        });
      }
      return next.readSync();
    };
    const source = { file, cabinet, documentName, report, inputFormat, companion, project: { id: project.id, name: project.name, folder } };
    // From the bytes: a binary container by its reader, text decoded with invalid UTF-8 named (utf8.ts).
    return parseDocumentBytes(await entries.entry(this.position).bytes(), source);
  }
}
