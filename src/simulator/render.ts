/**
 * The file an export job delivers. DATASAUR_SCHEMA is served from the loaded bytes; any other
 * registered format is produced the way the server would, by its writer, one output per cabinet
 * copy in the export-ZIP layout. Anything that cannot be produced becomes the job's errors.
 */
import { isInputError } from '../core/errors.js';
import { resolveOptions } from '../core/formats/options.js';
import { findWriter } from '../core/formats/registry.js';
import { SERVER_FORMAT_NAMES, type OutputContent } from '../core/formats/types.js';
import { parseCabinetFolder } from '../core/read/layout.js';
import { parseDocumentText } from '../core/read/parse-document.js';
import { Report } from '../core/report/report.js';
import type { JobContent, JobErrorOut } from './job-content.js';
import { projectFolder } from './projects.js';
import { buildExportZip, buildProjectsZip, type CabinetFile } from './zip.js';
// The PDF writer's fonts (read from the package's fonts/ folder on first use).
import '../node/pdf-fonts.js';

export type Rendered = { bytes: Uint8Array } | { errors: JobErrorOut[] };

export async function renderExport(content: JobContent, format: string): Promise<Rendered> {
  if (format === 'DATASAUR_SCHEMA') {
    return { bytes: content.kind === 'document' ? content.copy.bytes : await buildExportZip(content.projects) };
  }
  // The server knows its own formats only; the training-ready ones (COCO, HF…) are this tool's.
  const writer = (SERVER_FORMAT_NAMES as readonly string[]).includes(format) ? findWriter(format) : undefined;
  if (!writer) return { errors: [{ id: 'UnsupportedFormat', stack: `Unknown export format ${format}`, args: { format } }] };
  if (content.kind === 'document') {
    return { errors: [{ id: 'UnsupportedFormat', stack: `The simulator exports single documents as DATASAUR_SCHEMA only, not ${format}`, args: { format } }] };
  }
  const options = resolveOptions({});
  const projects: Array<{ project: (typeof content.projects)[number]['project']; files: CabinetFile[] }> = [];
  try {
    for (const { project, copies } of content.projects) {
      const files: CabinetFile[] = [];
      for (const copy of copies) {
        const file = `${projectFolder(project)}/${copy.cabinetFolder}/${copy.documentName}.json`;
        const doc = parseDocumentText(Buffer.from(copy.bytes).toString('utf8'), {
          file,
          cabinet: parseCabinetFolder(copy.cabinetFolder) ?? undefined,
          documentName: copy.documentName,
        });
        if (!writer.kinds.some((k) => doc.kinds.includes(k))) {
          return { errors: [{ id: 'FormatNotApplicable', stack: `${format} does not apply to ${doc.kinds.join('+')} projects (${file})`, args: { format, kinds: doc.kinds } }] };
        }
        for (const output of await writer.writeDocument(doc, { options, report: new Report() })) {
          files.push({ cabinetFolder: copy.cabinetFolder, name: output.name, bytes: await contentBytes(output.content) });
        }
      }
      projects.push({ project, files });
    }
  } catch (error) {
    if (!isInputError(error)) throw error;
    return { errors: [{ id: error.code, stack: error.toUserMessage(), args: { format } }] };
  }
  return { bytes: await buildProjectsZip(projects) };
}

async function contentBytes(content: OutputContent): Promise<Uint8Array> {
  if (typeof content === 'string') return Buffer.from(content, 'utf8');
  if (content instanceof Uint8Array) return content;
  const chunks: Buffer[] = [];
  for await (const chunk of content) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
