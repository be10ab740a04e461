/**
 * The part of the server's GraphQL schema the export API uses (API.md "Operations"), written from
 * the published operations and the official sample requests. Types and field names follow the
 * server so the official documents (aliases, fragments, `__typename`) validate and execute.
 */
export const SIMULATOR_SDL = /* GraphQL */ `
scalar JSON

enum Role { LABELER REVIEWER }
enum GqlExportMethod { FILE_STORAGE EMAIL CUSTOM_WEBHOOK EXTERNAL_OBJECT_STORAGE }
enum ExportCommentType { COMMENT SPAN_LABEL ARROW_LABEL SPAN_TEXT }
enum JobStatus { QUEUED IN_PROGRESS DELIVERED FAILED NONE }
enum ProjectStatus { CREATED IN_PROGRESS REVIEW_READY IN_REVIEW COMPLETE }
enum SortOrder { ASC DESC }

input ExternalObjectStorageParameterInput {
  externalObjectStorageId: ID!
  prefix: String
}

input ExportTextProjectInput {
  projectIds: [ID!]!
  fileName: String!
  format: String!
  method: GqlExportMethod!
  role: Role
  filteredCabinetRole: Role
  fileTransformerId: ID
  customScriptId: ID
  includedCommentType: [ExportCommentType!]
  maskPIIEntities: Boolean
  url: String
  secret: String
  externalObjectStorageParameter: ExternalObjectStorageParameterInput
}

input ExportTextProjectDocumentInput {
  documentId: String!
  fileName: String!
  format: String!
  method: GqlExportMethod!
  fileTransformerId: ID
  customScriptId: ID
  includedCommentType: [ExportCommentType!]
  maskPIIEntities: Boolean
  url: String
  secret: String
  externalObjectStorageParameter: ExternalObjectStorageParameterInput
}

type ExportRequestResult {
  exportId: ID!
  fileUrl: String
  fileUrlExpiredAt: String
  queued: Boolean
  redirect: String
  key: String
}

type JobError {
  id: String
  stack: String
  args: JSON
}

type ExportDeliveryStatus {
  deliveryStatus: JobStatus!
  errors: [JobError!]!
}

type Job {
  id: String!
  status: JobStatus!
  progress: Int
  errors: [JobError!]!
  resultId: String
  createdAt: String
  updatedAt: String
}

type Tag {
  id: ID!
  name: String!
}

type Project {
  id: ID!
  name: String!
  status: ProjectStatus
  tags: [Tag!]
  createdDate: String
  completedDate: String
}

type PageInfo {
  nextCursor: String
  prevCursor: String
}

type ProjectPaginatedResponse {
  totalCount: Int!
  pageInfo: PageInfo!
  nodes: [Project!]!
}

input OffsetPageInput {
  skip: Int!
  take: Int!
}

input SortInput {
  field: String!
  order: SortOrder
}

input GetProjectsFilterInput {
  teamId: ID
  statuses: [ProjectStatus!]
  kinds: [String!]
  tags: [ID!]
  daysCreatedRange: Int
  keyword: String
}

input GetProjectsPaginatedInput {
  filter: GetProjectsFilterInput
  page: OffsetPageInput
  cursor: String
  sort: [SortInput!]
}

type Cabinet {
  id: ID!
  status: String
  role: Role
  documents: JSON
  lastOpenedDocumentId: ID
}

type Query {
  exportTextProject(input: ExportTextProjectInput!): ExportRequestResult!
  exportTextProjectDocument(input: ExportTextProjectDocumentInput!): ExportRequestResult!
  getExportDeliveryStatus(exportId: ID!): ExportDeliveryStatus!
  getJob(jobId: String!): Job
  getJobs(jobIds: [String!]!): [Job]!
  getProjects(input: GetProjectsPaginatedInput!): ProjectPaginatedResponse!
  getCabinet(projectId: ID!, role: Role!): Cabinet!
}
`;
