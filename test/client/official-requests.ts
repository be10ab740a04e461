/**
 * GraphQL request documents exactly as the vendor's public example clients send them (test inputs,
 * query strings byte for byte; variables hold placeholders the tests replace).
 * - datasaur-ai/api-client-example, automation/src/export.json, get_export_delivery_status.json,
 *   get_job_status.json, get_projects.json (commit 6418b6f)
 * - datasaur-ai/api-client-example, apply-labels/src/project/get_cabinet.json (commit f3e18a9)
 * - datasaur-ai/robosaur, src/datasaur/export-project.ts and get-jobs.ts (commit 2a23797 / 523d657)
 */
export const OFFICIAL_EXPORT = {
  operationName: 'ExportTextProjectQuery',
  variables: {
    input: {
      fileName: 'datasaur',
      format: '',
      projectIds: [''],
      role: 'REVIEWER',
      method: 'FILE_STORAGE',
      includedCommentType: ['COMMENT', 'SPAN_LABEL', 'ARROW_LABEL', 'SPAN_TEXT'],
    },
  },
  query:
    'query ExportTextProjectQuery ($input: ExportTextProjectInput!) { result: exportTextProject(input: $input) { redirect fileUrl fileUrlExpiredAt queued exportId __typename }}',
};

export const OFFICIAL_DELIVERY_STATUS = {
  operationName: 'GetExportDeliveryStatus',
  variables: { exportId: 'EXPORT_ID' },
  query:
    'query GetExportDeliveryStatus($exportId: ID!) { exportDeliveryStatus: getExportDeliveryStatus(exportId: $exportId) { deliveryStatus errors {   id   stack   args   __typename } __typename }}',
};

export const OFFICIAL_GET_JOB = {
  operationName: 'GetJob',
  variables: { input: '' },
  query:
    'query GetJob($input: String!) { job: getJob(jobId: $input) { ...JobFragment __typename }} fragment JobFragment on Job { id status progress errors { id stack args __typename } resultId __typename}',
};

export const OFFICIAL_GET_PROJECTS = {
  operationName: 'GetProjectsQuery',
  variables: { input: { filter: { teamId: '1', keyword: '', statuses: [], tags: [], kinds: [] } } },
  query:
    'query GetProjectsQuery($input: GetProjectsPaginatedInput!) {    result: getProjects(input: $input) {      nodes {        id        name        tags {          id          name        }        __typename        status      }      pageInfo {        nextCursor        prevCursor        __typename      }    }  }',
};

export const OFFICIAL_GET_CABINET = {
  operationName: 'GetCabinetQuery',
  variables: { role: 'LABELER', projectId: '<string>' },
  query:
    'query GetCabinetQuery($projectId: ID!, $role: Role!) { result: getCabinet(projectId: $projectId, role: $role) { ...CabinetFragment  } } fragment CabinetFragment on Cabinet { ...BasicCabinetFragment documents lastOpenedDocumentId role  } fragment BasicCabinetFragment on Cabinet { id status  }',
};

/** robosaur's export query (no __typename, different operation name). */
export const ROBOSAUR_EXPORT_QUERY = `
  query ExportProjectQuery($input: ExportTextProjectInput!) {
    result: exportTextProject(input: $input) {
      redirect
      queued
      fileUrl
      fileUrlExpiredAt
      exportId
    }
  }
`;

export const ROBOSAUR_GET_JOBS = `
  query GetJobs($jobIds: [String!]!) {
    result: getJobs(jobIds: $jobIds) {
      id
      status
      progress
      errors {
        id
        stack
        args
      }
      resultId
    }
  }
`;
