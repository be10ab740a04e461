/**
 * Export ZIPs in the server's layout (FORMATS.md §1): one `<name>-<id>/` folder per project, one
 * folder per cabinet, `project-data.json` at the project root, directory entries present, entries
 * sorted case-insensitively.
 */
import JSZip from 'jszip';
import { projectFolder, type SimDocumentCopy, type SimProject } from './projects.js';

export function copyFileName(copy: Pick<SimDocumentCopy, 'documentName'>): string {
  return `${copy.documentName}.json`;
}

/** A fixed timestamp keeps the archive bytes reproducible. */
const ENTRY_DATE = new Date(Date.UTC(2024, 0, 1));

/** One output file of a project in the ZIP: `<project folder>/<cabinet folder>/<name>`. */
export interface CabinetFile {
  cabinetFolder: string;
  name: string;
  bytes: Uint8Array;
}

/** The DATASAUR_SCHEMA export: every copy as it was loaded. */
export async function buildExportZip(projects: ReadonlyArray<{ project: SimProject; copies: readonly SimDocumentCopy[] }>): Promise<Uint8Array> {
  return buildProjectsZip(projects.map(({ project, copies }) => ({ project, files: copies.map((c) => ({ cabinetFolder: c.cabinetFolder, name: copyFileName(c), bytes: c.bytes })) })));
}

export async function buildProjectsZip(projects: ReadonlyArray<{ project: SimProject; files: readonly CabinetFile[] }>): Promise<Uint8Array> {
  const entries = new Map<string, Uint8Array | null>();
  for (const { project, files } of projects) {
    const top = projectFolder(project);
    entries.set(`${top}/`, null);
    const projectData = project.projectData ?? JSON.stringify({ project: { id: project.id, title: project.name, tags: project.tags.map((t) => t.name) } });
    entries.set(`${top}/project-data.json`, Buffer.from(projectData, 'utf8'));
    for (const file of files) {
      entries.set(`${top}/${file.cabinetFolder}/`, null);
      // A writer may put files in sub-folders; their directory entries are listed too.
      const parts = file.name.split('/');
      for (let i = 1; i < parts.length; i++) entries.set(`${top}/${file.cabinetFolder}/${parts.slice(0, i).join('/')}/`, null);
      entries.set(`${top}/${file.cabinetFolder}/${file.name}`, file.bytes);
    }
  }
  const zip = new JSZip();
  const names = [...entries.keys()].sort((a, b) => {
    const [x, y] = [a.toLowerCase(), b.toLowerCase()];
    return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
  });
  for (const name of names) {
    const bytes = entries.get(name);
    if (bytes === null || bytes === undefined) zip.file(name, null, { dir: true, date: ENTRY_DATE });
    else zip.file(name, bytes, { date: ENTRY_DATE, createFolders: false });
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
