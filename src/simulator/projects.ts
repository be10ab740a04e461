/**
 * What the simulator serves: projects made of DATASAUR_SCHEMA document files, one per cabinet
 * copy, kept as the exact bytes they were loaded with so an export returns them unchanged.
 * Loaded from single DATASAUR_SCHEMA files (they become the REVIEW copy), from export ZIPs, or from
 * folders with the ZIP layout (FORMATS.md §1). Any other input the readers understand (JSON_ADVANCED
 * ZIPs, CSV exports, tagged TSV) is read into the model and written as DATASAUR_SCHEMA by the
 * registry's writer, so the simulator can serve every export the project can read.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import JSZip from 'jszip';
import { z } from 'zod';
import { InputError, isInputError } from '../core/errors.js';
import { projectFolderName } from '../core/model/naming.js';
import { findWriter } from '../core/formats/registry.js';
import { resolveOptions } from '../core/formats/options.js';
import { readInput } from '../node/read-input.js';
import '../core/read/register-readers.js';
import { Report } from '../core/report/report.js';

export interface SimDocumentCopy {
  /** Every cabinet copy has its own document id on the server. */
  documentId: string;
  /** The uploaded file's name (`lorem.txt`). */
  documentName: string;
  /** `REVIEW`, `ROOT-<user>`, `DOCUMENT-<user>`. */
  cabinetFolder: string;
  /** The DATASAUR_SCHEMA file as loaded. */
  bytes: Uint8Array;
}

export interface SimProject {
  id: string;
  name: string;
  /** Project status as `getProjects` reports and filters it. */
  status: string;
  tags: { id: string; name: string }[];
  kinds: string[];
  createdDate: string;
  /** `project-data.json` text when the source had one (written back verbatim). */
  projectData?: string;
  copies: SimDocumentCopy[];
}

const Envelope = z.object({
  version: z.string(),
  data: z
    .object({
      project: z.object({ id: z.union([z.string(), z.number()]), name: z.string() }),
      document: z.object({ id: z.union([z.string(), z.number()]), name: z.string() }),
      kinds: z.array(z.string()).optional(),
    })
    .passthrough(),
});

const ProjectData = z.object({
  project: z.object({ id: z.string(), title: z.string().optional(), tags: z.array(z.string()).optional() }).passthrough(),
});

export interface ProjectOverrides {
  status?: string;
  tags?: string[];
}

/** Loads each path (file, ZIP or folder) and merges copies of the same project id. */
export async function loadProjects(paths: readonly string[], overrides: ProjectOverrides = {}): Promise<SimProject[]> {
  const byId = new Map<string, SimProject>();
  for (const path of paths) {
    for (const loaded of await loadPath(path)) {
      const existing = byId.get(loaded.id);
      if (existing) existing.copies.push(...loaded.copies);
      else byId.set(loaded.id, loaded);
    }
  }
  const projects = [...byId.values()];
  for (const project of projects) {
    if (overrides.status) project.status = overrides.status;
    if (overrides.tags) project.tags = overrides.tags.map(tagOf);
  }
  return projects;
}

async function loadPath(path: string): Promise<SimProject[]> {
  try {
    return await loadDatasaurSchema(path);
  } catch (error) {
    if (isInputError(error) && (error.code === 'NOT_AN_EXPORT' || error.code === 'NOT_JSON')) return loadThroughReaders(path);
    throw error;
  }
}

/** Non-DATASAUR_SCHEMA inputs: readers → model → the DATASAUR_SCHEMA writer. */
async function loadThroughReaders(path: string): Promise<SimProject[]> {
  const writer = findWriter('DATASAUR_SCHEMA');
  if (!writer) throw new InputError('UNSUPPORTED', 'the DATASAUR_SCHEMA writer is not registered', { file: path });
  const { projects, report } = await readInput(path, { cabinet: 'all' });
  const skipped = report.all().filter((m) => m.kind === 'DocumentSkipped');
  if (skipped.length) {
    throw new InputError('INVALID_DOCUMENT', `${skipped.length} document(s) could not be read: ${skipped[0]!.text}`, { file: path, hint: 'The simulator serves only inputs it can read completely.' });
  }
  const options = resolveOptions({});
  const loaded: SimProject[] = [];
  for (const project of projects) {
    const copies: SimDocumentCopy[] = [];
    for (const doc of project.documents) {
      const [file] = await writer.writeDocument(doc, { options, report: new Report() });
      if (!file || typeof file.content !== 'string') throw new InputError('UNSUPPORTED', 'the DATASAUR_SCHEMA writer returned no text', { file: path });
      copies.push({ documentId: doc.id, documentName: doc.name, cabinetFolder: doc.cabinet.folder, bytes: Buffer.from(file.content, 'utf8') });
    }
    const kinds = [...new Set(project.documents.flatMap((d) => d.kinds))];
    const simProject = projectFromCopy({ id: project.id, name: project.name }, kinds, copies);
    if (project.projectData) applyProjectData(simProject, project.projectData.text, `${path}!${project.folder}/project-data.json`);
    else if (project.tags) simProject.tags = project.tags.map(tagOf);
    loaded.push(simProject);
  }
  return loaded;
}

async function loadDatasaurSchema(path: string): Promise<SimProject[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new InputError('FILE_NOT_FOUND', 'no such file or folder', { file: path });
  if (info.isDirectory()) return loadEntries(path, await folderEntries(path));
  const bytes = await readFile(path);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return loadEntries(path, await zipEntries(path, bytes));
  const copy = parseCopy(bytes, path, 'REVIEW');
  return [projectFromCopy(copy.project, copy.kinds, [copy.copy])];
}

interface Entry {
  /** Path inside the archive or folder, `/`-separated. */
  path: string;
  bytes: Uint8Array;
}

async function zipEntries(file: string, bytes: Uint8Array): Promise<Entry[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new InputError('BAD_ZIP', 'not a readable ZIP archive', { file, cause: error });
  }
  const entries: Entry[] = [];
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    if (entry.name.startsWith('/') || entry.name.split('/').includes('..')) {
      throw new InputError('UNSAFE_PATH', 'archive entry escapes the archive', { file: `${file}!${entry.name}` });
    }
    entries.push({ path: entry.name, bytes: await entry.async('uint8array') });
  }
  return entries;
}

async function folderEntries(root: string): Promise<Entry[]> {
  const entries: Entry[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const item of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, item.name);
      if (item.isDirectory()) await walk(full);
      else if (item.isFile()) entries.push({ path: relative(root, full).split(sep).join('/'), bytes: await readFile(full) });
    }
  };
  await walk(root);
  // A folder given as the project folder itself: treat its name as the top folder.
  if (entries.some((e) => e.path.split('/').length === 2)) {
    return entries.map((e) => ({ ...e, path: `${basename(root)}/${e.path}` }));
  }
  return entries;
}

/** `<project>/<cabinet>/<name>.json` are document copies, `<project>/project-data.json` the project data. */
function loadEntries(source: string, entries: Entry[]): SimProject[] {
  const projectData = new Map<string, string>();
  const byTop = new Map<string, { project?: { id: string; name: string }; kinds: string[]; copies: SimDocumentCopy[] }>();
  for (const entry of entries) {
    const parts = entry.path.split('/');
    if (parts.length === 2 && parts[1] === 'project-data.json') projectData.set(parts[0]!, Buffer.from(entry.bytes).toString('utf8'));
    if (parts.length !== 3 || !parts[2]!.toLowerCase().endsWith('.json')) continue;
    const parsed = parseCopy(entry.bytes, `${source}!${entry.path}`, parts[1]!);
    const group = byTop.get(parts[0]!) ?? { kinds: [], copies: [] };
    group.project ??= parsed.project;
    if (!group.kinds.length) group.kinds = parsed.kinds;
    group.copies.push(parsed.copy);
    byTop.set(parts[0]!, group);
  }
  if (byTop.size === 0) {
    throw new InputError('NOT_AN_EXPORT', 'no DATASAUR_SCHEMA document found', { file: source, expected: '<project>-<id>/<cabinet>/<document>.json entries' });
  }
  return [...byTop.entries()].map(([top, group]) => {
    const project = projectFromCopy(group.project!, group.kinds, group.copies);
    const data = projectData.get(top);
    if (data !== undefined) applyProjectData(project, data, `${source}!${top}/project-data.json`);
    return project;
  });
}

function parseCopy(bytes: Uint8Array, file: string, cabinetFolder: string): { project: { id: string; name: string }; kinds: string[]; copy: SimDocumentCopy } {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    throw new InputError('NOT_JSON', 'not valid JSON', { file, cause: error });
  }
  const parsed = Envelope.safeParse(json);
  if (!parsed.success) {
    throw new InputError('NOT_AN_EXPORT', 'not a DATASAUR_SCHEMA document', {
      file,
      where: `$.${parsed.error.issues[0]?.path.join('.') ?? ''}`,
      expected: '{"version": "1", "data": {"project": {…}, "document": {…}, …}}',
      hint: 'The simulator serves DATASAUR_SCHEMA exports; export the project in that format first.',
    });
  }
  const { project, document, kinds } = parsed.data.data;
  return {
    project: { id: String(project.id), name: project.name },
    kinds: kinds ?? [],
    copy: { documentId: String(document.id), documentName: document.name, cabinetFolder, bytes },
  };
}

function projectFromCopy(project: { id: string; name: string }, kinds: string[], copies: SimDocumentCopy[]): SimProject {
  return { id: project.id, name: project.name, status: 'COMPLETE', tags: [], kinds, createdDate: new Date(0).toISOString(), copies };
}

function applyProjectData(project: SimProject, text: string, file: string): void {
  let parsed: z.infer<typeof ProjectData>;
  try {
    parsed = ProjectData.parse(JSON.parse(text));
  } catch (error) {
    throw new InputError('INVALID_DOCUMENT', 'unreadable project-data.json', { file, cause: error });
  }
  project.projectData = text;
  if (parsed.project.tags) project.tags = parsed.project.tags.map(tagOf);
}

/** Tags are addressed by id or name in filters; the simulator makes the id from the name. */
function tagOf(name: string): { id: string; name: string } {
  return { id: `tag-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, name };
}

export function projectFolder(project: Pick<SimProject, 'id' | 'name'>): string {
  return projectFolderName(project.name, project.id);
}
