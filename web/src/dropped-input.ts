import type { DroppedInput } from './protocol.js';

/**
 * Turns what the user dropped or picked into the converter's input: one file (an export ZIP or a
 * JSON/TSV/CSV document), or the files of a folder with their paths inside it (the folder itself
 * is the export, so its own name is left out of the paths, as `convert <folder>` reads it).
 */
export async function fromDataTransfer(data: DataTransfer): Promise<DroppedInput | undefined> {
  // Entries must be taken while the drop event runs: the list is emptied once it returns.
  const entries = [...data.items].map((item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.length > 0 && entries.every((entry) => entry !== null)) {
    const files: Array<{ path: string; file: File }> = [];
    for (const entry of entries) await collect(entry!, '', files);
    const root = entries.length === 1 && entries[0]!.isDirectory ? entries[0]!.name : undefined;
    if (root !== undefined) return folderInput(root, files.map((f) => ({ path: stripFirst(f.path), file: f.file })));
    if (files.length === 1) return { kind: 'file', file: files[0].file };
    return files.length ? folderInput('dropped files', files) : undefined;
  }
  return fromFileList(data.files);
}

/** From `<input type="file">`: one file, several files, or a folder picked with `webkitdirectory`. */
export function fromFileList(list: FileList | null): DroppedInput | undefined {
  const files = [...(list ?? [])];
  if (files.length === 0) return undefined;
  const relative = files.map((file) => file.webkitRelativePath);
  if (relative.every((path) => path.includes('/'))) {
    const root = relative[0].split('/', 1)[0];
    return folderInput(root, files.map((file, i) => ({ path: stripFirst(relative[i]), file })));
  }
  if (files.length === 1) return { kind: 'file', file: files[0] };
  return folderInput('chosen files', files.map((file) => ({ path: file.name, file })));
}

function folderInput(name: string, files: Array<{ path: string; file: File }>): DroppedInput {
  // Files the operating system adds to folders are not part of an export.
  const kept = files.filter((f) => !/(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini)$/i.test(f.path));
  return { kind: 'files', name, files: kept };
}

const stripFirst = (path: string) => path.slice(path.indexOf('/') + 1);

async function collect(entry: FileSystemEntry, prefix: string, out: Array<{ path: string; file: File }>): Promise<void> {
  const path = prefix + entry.name;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ path, file });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries answers in batches (100 in Chromium) until it answers an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const child of batch) await collect(child, `${path}/`, out);
  }
}

/** A short description for the status line. */
export function describeInput(input: DroppedInput): string {
  if (input.kind === 'file') return `${input.file.name} (${formatBytes(input.file.size)})`;
  const size = input.files.reduce((sum, f) => sum + f.file.size, 0);
  return `${input.name}: ${input.files.length} file(s), ${formatBytes(size)}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
