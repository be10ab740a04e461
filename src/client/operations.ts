/**
 * The GraphQL operations of the export API (API.md "Operations"), each with the schema its answer
 * is checked against. All are queries on the server, even those that start a job.
 */
import { z } from 'zod';
import { InputError } from '../core/errors.js';
import type { GraphQLTransport } from './graphql.js';

export const EXPORT_METHODS = ['FILE_STORAGE', 'EMAIL', 'CUSTOM_WEBHOOK', 'EXTERNAL_OBJECT_STORAGE'] as const;
export type ExportMethod = (typeof EXPORT_METHODS)[number];
export type Role = 'LABELER' | 'REVIEWER';
export type CommentType = 'COMMENT' | 'SPAN_LABEL' | 'ARROW_LABEL' | 'SPAN_TEXT';
export const DELIVERY_STATUSES = ['QUEUED', 'IN_PROGRESS', 'DELIVERED', 'FAILED', 'NONE'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Fields both export inputs share. */
export interface ExportInputCommon {
  fileName: string;
  format: string;
  method: ExportMethod;
  includedCommentType?: CommentType[];
  maskPIIEntities?: boolean;
  fileTransformerId?: string;
  url?: string;
  secret?: string;
  externalObjectStorageParameter?: { externalObjectStorageId: string; prefix?: string };
}

export interface ExportTextProjectInput extends ExportInputCommon {
  projectIds: string[];
  role?: Role;
  filteredCabinetRole?: Role;
}

export interface ExportTextProjectDocumentInput extends ExportInputCommon {
  documentId: string;
}

const ExportRequestResult = z.object({
  exportId: z.string(),
  fileUrl: z.string().nullish(),
  fileUrlExpiredAt: z.string().nullish(),
  queued: z.boolean().nullish(),
  redirect: z.string().nullish(),
  key: z.string().nullish(),
});
export type ExportRequestResult = z.infer<typeof ExportRequestResult>;

const JobError = z.object({ id: z.string().nullish(), stack: z.string().nullish(), args: z.unknown().nullish() });
export type JobError = z.infer<typeof JobError>;

const DeliveryStatusAnswer = z.object({ deliveryStatus: z.enum(DELIVERY_STATUSES), errors: z.array(JobError).nullish() });
export type DeliveryStatusAnswer = z.infer<typeof DeliveryStatusAnswer>;

const Job = z.object({
  id: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  progress: z.number().nullish(),
  errors: z.array(JobError).nullish(),
  resultId: z.string().nullish(),
});
export type Job = z.infer<typeof Job>;

const ProjectNode = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string().nullish(),
  tags: z.array(z.object({ id: z.string(), name: z.string() })).nullish(),
  createdDate: z.string().nullish(),
});
export type ProjectSummary = z.infer<typeof ProjectNode>;

const ProjectsPage = z.object({
  nodes: z.array(ProjectNode),
  pageInfo: z.object({ nextCursor: z.string().nullish(), prevCursor: z.string().nullish() }),
  totalCount: z.number().nullish(),
});

const CabinetDocument = z.object({ id: z.string(), fileName: z.string().nullish() }).passthrough();
const Cabinet = z.object({ id: z.string(), status: z.string().nullish(), role: z.string().nullish(), documents: z.array(CabinetDocument).nullish() });
export type Cabinet = z.infer<typeof Cabinet>;

const EXPORT_RESULT_FIELDS = 'exportId fileUrl fileUrlExpiredAt queued redirect key __typename';

export const EXPORT_TEXT_PROJECT = `query ExportTextProject($input: ExportTextProjectInput!) {
  result: exportTextProject(input: $input) { ${EXPORT_RESULT_FIELDS} }
}`;

export const EXPORT_TEXT_PROJECT_DOCUMENT = `query ExportTextProjectDocument($input: ExportTextProjectDocumentInput!) {
  result: exportTextProjectDocument(input: $input) { ${EXPORT_RESULT_FIELDS} }
}`;

export const GET_EXPORT_DELIVERY_STATUS = `query GetExportDeliveryStatus($exportId: ID!) {
  result: getExportDeliveryStatus(exportId: $exportId) { deliveryStatus errors { id stack args } }
}`;

export const GET_JOB = `query GetJob($jobId: String!) {
  result: getJob(jobId: $jobId) { id status progress errors { id stack args } resultId }
}`;

export const GET_PROJECTS = `query GetProjects($input: GetProjectsPaginatedInput!) {
  result: getProjects(input: $input) {
    nodes { id name status createdDate tags { id name } }
    pageInfo { nextCursor prevCursor }
    totalCount
  }
}`;

export const GET_CABINET = `query GetCabinet($projectId: ID!, $role: Role!) {
  result: getCabinet(projectId: $projectId, role: $role) { id status role documents }
}`;

export interface ProjectFilter {
  teamId?: string;
  statuses?: string[];
  kinds?: string[];
  tags?: string[];
  daysCreatedRange?: number;
  keyword?: string;
}

/** Typed calls over one transport. */
export class ExportApi {
  constructor(private readonly transport: GraphQLTransport) {}

  async exportTextProject(input: ExportTextProjectInput, signal?: AbortSignal): Promise<ExportRequestResult> {
    return this.call('ExportTextProject', EXPORT_TEXT_PROJECT, { input: dropUndefined(input) }, ExportRequestResult, signal);
  }

  async exportTextProjectDocument(input: ExportTextProjectDocumentInput, signal?: AbortSignal): Promise<ExportRequestResult> {
    return this.call('ExportTextProjectDocument', EXPORT_TEXT_PROJECT_DOCUMENT, { input: dropUndefined(input) }, ExportRequestResult, signal);
  }

  async getExportDeliveryStatus(exportId: string, signal?: AbortSignal): Promise<DeliveryStatusAnswer> {
    return this.call('GetExportDeliveryStatus', GET_EXPORT_DELIVERY_STATUS, { exportId }, DeliveryStatusAnswer, signal);
  }

  /** null when the server does not know the job. */
  async getJob(jobId: string, signal?: AbortSignal): Promise<Job | null> {
    return this.call('GetJob', GET_JOB, { jobId }, Job.nullable(), signal);
  }

  /** Every project matching `filter`, following `nextCursor` until the last page (at most `maxPages`). */
  async getProjects(filter: ProjectFilter, options: { pageSize?: number; maxPages?: number; signal?: AbortSignal } = {}): Promise<ProjectSummary[]> {
    const nodes: ProjectSummary[] = [];
    let paging: Record<string, unknown> = { page: { skip: 0, take: options.pageSize ?? 100 } };
    const maxPages = options.maxPages ?? 1000;
    for (let page = 0; page < maxPages; page++) {
      const answer = await this.call('GetProjects', GET_PROJECTS, { input: { filter: dropUndefined(filter), ...paging } }, ProjectsPage, options.signal);
      nodes.push(...answer.nodes);
      const next = answer.pageInfo.nextCursor;
      if (!next) return nodes;
      paging = { cursor: next };
    }
    throw new InputError('LIMIT_EXCEEDED', `GetProjects: more than ${maxPages} pages`, { hint: 'Narrow the filter (--tag, --status).' });
  }

  async getCabinet(projectId: string, role: Role, signal?: AbortSignal): Promise<Cabinet> {
    return this.call('GetCabinet', GET_CABINET, { projectId, role }, Cabinet, signal);
  }

  private async call<T>(operation: string, query: string, variables: Record<string, unknown>, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
    const data = await this.transport.request<{ result: unknown }>(operation, query, variables, signal);
    const parsed = schema.safeParse(data.result);
    if (!parsed.success) {
      throw new InputError('API_ERROR', `${operation}: unexpected answer (${parsed.error.issues[0]?.message ?? 'invalid'})`, {
        where: parsed.error.issues[0]?.path.join('.') || undefined,
      });
    }
    return parsed.data;
  }
}

/** GraphQL treats an explicit null differently from a missing field; send only what was set. */
function dropUndefined<T extends object>(value: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
