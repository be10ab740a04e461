/**
 * Root resolvers of the simulator's GraphQL schema. Nested fields resolve from plain objects, so
 * aliases, fragments and `__typename` are the executor's business, exactly as on the server.
 */
import type { GraphqlModule } from './graphql.js';
import type { ExportJob, JobContent, JobRunner, Method } from './jobs.js';
import type { SimDocumentCopy, SimProject } from './projects.js';

type Role = 'LABELER' | 'REVIEWER';

interface CommonExportInput {
  fileName: string;
  format: string;
  method: Method;
  url?: string | null;
  secret?: string | null;
  externalObjectStorageParameter?: { externalObjectStorageId: string; prefix?: string | null } | null;
}

interface ProjectsInput {
  filter?: { statuses?: string[] | null; kinds?: string[] | null; tags?: string[] | null; daysCreatedRange?: number | null; keyword?: string | null } | null;
  page?: { skip: number; take: number } | null;
  cursor?: string | null;
}

export function createRootValue(projects: readonly SimProject[], jobs: JobRunner, { GraphQLError }: GraphqlModule): Record<string, (args: never) => unknown> {
  const findProject = (id: string): SimProject => {
    const project = projects.find((p) => p.id === id);
    if (!project) throw new GraphQLError(`Project not found: ${id}`, { extensions: { type: 'NotFoundError' } });
    return project;
  };
  const findJob = (id: string): ExportJob | undefined => jobs.jobs.get(id);

  const startExport = (input: CommonExportInput, content: JobContent) => {
    if (input.method === 'CUSTOM_WEBHOOK' && !(input.url && input.secret)) {
      throw new GraphQLError('CUSTOM_WEBHOOK needs url and secret', { extensions: { type: 'ValidationError' } });
    }
    if (input.method === 'EXTERNAL_OBJECT_STORAGE' && !input.externalObjectStorageParameter) {
      throw new GraphQLError('EXTERNAL_OBJECT_STORAGE needs externalObjectStorageParameter', { extensions: { type: 'ValidationError' } });
    }
    const storage = input.externalObjectStorageParameter;
    const job = jobs.start({
      method: input.method,
      format: input.format,
      fileName: input.fileName,
      content,
      webhook: input.method === 'CUSTOM_WEBHOOK' ? { url: input.url!, secret: input.secret! } : undefined,
      storage: storage ? { id: storage.externalObjectStorageId, prefix: storage.prefix ?? '' } : undefined,
    });
    const withLink = input.method === 'FILE_STORAGE';
    return {
      exportId: job.id,
      fileUrl: withLink ? jobs.link(job) : null,
      fileUrlExpiredAt: withLink ? new Date(job.file.expiresAt).toISOString() : null,
      queued: true,
      redirect: null,
      key: job.key ?? null,
    };
  };

  const jobView = (job: ExportJob) => ({
    id: job.id,
    status: job.status,
    progress: job.status === 'DELIVERED' || job.status === 'FAILED' ? 100 : job.status === 'IN_PROGRESS' ? 50 : 0,
    errors: job.errors,
    resultId: job.status === 'DELIVERED' ? job.file.id : null,
    createdAt: new Date(job.createdAt).toISOString(),
    updatedAt: new Date(job.updatedAt).toISOString(),
  });

  return {
    exportTextProject: ({ input }: { input: CommonExportInput & { projectIds: string[]; role?: Role | null; filteredCabinetRole?: Role | null } }) => {
      const selected = input.projectIds.map((id) => {
        const project = findProject(id);
        return { project, copies: project.copies.filter((c) => cabinetVisible(c, input.role ?? 'REVIEWER', input.filteredCabinetRole ?? undefined)) };
      });
      return startExport(input, { kind: 'projects', projects: selected });
    },
    exportTextProjectDocument: ({ input }: { input: CommonExportInput & { documentId: string } }) => {
      for (const project of projects) {
        const copy = project.copies.find((c) => c.documentId === input.documentId);
        if (copy) return startExport(input, { kind: 'document', project, copy });
      }
      throw new GraphQLError(`Document not found: ${input.documentId}`, { extensions: { type: 'NotFoundError' } });
    },
    getExportDeliveryStatus: ({ exportId }: { exportId: string }) => {
      const job = findJob(exportId);
      if (!job) throw new GraphQLError(`Export not found: ${exportId}`, { extensions: { type: 'NotFoundError' } });
      return { deliveryStatus: job.status, errors: job.errors };
    },
    getJob: ({ jobId }: { jobId: string }) => {
      const job = findJob(jobId);
      return job ? jobView(job) : null;
    },
    getJobs: ({ jobIds }: { jobIds: string[] }) => jobIds.map((id) => {
      const job = findJob(id);
      return job ? jobView(job) : null;
    }),
    getProjects: ({ input }: { input: ProjectsInput }) => {
      const matching = projects.filter((p) => matchesFilter(p, input.filter ?? {}));
      // A cursor carries the page size too: callers send only `{cursor}` after the first page.
      const fromCursor = input.cursor ? decodeCursor(input.cursor, GraphQLError) : undefined;
      const skip = fromCursor?.skip ?? input.page?.skip ?? 0;
      const take = Math.max(1, Math.min(input.page?.take ?? fromCursor?.take ?? 10, 100));
      const nodes = matching.slice(skip, skip + take);
      return {
        totalCount: matching.length,
        pageInfo: {
          nextCursor: skip + take < matching.length ? encodeCursor(skip + take, take) : null,
          prevCursor: skip > 0 ? encodeCursor(Math.max(0, skip - take), take) : null,
        },
        nodes: nodes.map((p) => ({ id: p.id, name: p.name, status: p.status, tags: p.tags, createdDate: p.createdDate, completedDate: null })),
      };
    },
    getCabinet: ({ projectId, role }: { projectId: string; role: Role }) => {
      const project = findProject(projectId);
      const folders = [...new Set(project.copies.map((c) => c.cabinetFolder))];
      const folder = role === 'REVIEWER' ? folders.find((f) => f === 'REVIEW') : folders.find((f) => f.startsWith('DOCUMENT-'));
      if (!folder) throw new GraphQLError(`No ${role} cabinet in project ${projectId}`, { extensions: { type: 'NotFoundError' } });
      const cabinetId = String(projects.indexOf(project) * 100 + folders.indexOf(folder) + 1);
      const documents = project.copies
        .filter((c) => c.cabinetFolder === folder)
        .map((c) => ({ id: c.documentId, cabinetId, fileName: c.documentName, name: c.documentName, __typename: 'TextDocument' }));
      return { id: cabinetId, status: 'IN_PROGRESS', role, documents, lastOpenedDocumentId: documents[0]?.id ?? null };
    },
  } as Record<string, (args: never) => unknown>;
}

/**
 * Which cabinet copies an export holds (decided): a REVIEWER export holds every cabinet, as the
 * sample ZIPs show; a LABELER export only the labelers' copies; `filteredCabinetRole` narrows to
 * REVIEW or to the labelers' copies.
 */
function cabinetVisible(copy: SimDocumentCopy, role: Role, filtered?: Role): boolean {
  const isLabelerCopy = copy.cabinetFolder.startsWith('DOCUMENT-');
  if (role === 'LABELER' && !isLabelerCopy) return false;
  if (filtered === 'REVIEWER') return copy.cabinetFolder === 'REVIEW';
  if (filtered === 'LABELER') return isLabelerCopy;
  return true;
}

function matchesFilter(project: SimProject, filter: NonNullable<ProjectsInput['filter']>): boolean {
  if (filter.statuses?.length && !filter.statuses.includes(project.status)) return false;
  if (filter.kinds?.length && !filter.kinds.some((k) => project.kinds.includes(k))) return false;
  if (filter.tags?.length && !filter.tags.some((t) => project.tags.some((tag) => tag.id === t || tag.name.toLowerCase() === t.toLowerCase()))) return false;
  if (filter.keyword && !project.name.toLowerCase().includes(filter.keyword.toLowerCase())) return false;
  if (filter.daysCreatedRange && Date.now() - Date.parse(project.createdDate) > filter.daysCreatedRange * 86_400_000) return false;
  return true;
}

function encodeCursor(skip: number, take: number): string {
  return Buffer.from(`skip:${skip}:take:${take}`).toString('base64url');
}

function decodeCursor(cursor: string, GraphQLError: GraphqlModule['GraphQLError']): { skip: number; take: number } {
  const match = /^skip:(\d+):take:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new GraphQLError('Invalid cursor', { extensions: { type: 'ValidationError' } });
  return { skip: Number(match[1]), take: Number(match[2]) };
}
