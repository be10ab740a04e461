export * from './types.js';
export { lintAzureConll } from './azure.js';
export { lintComprehendCsv, COMPREHEND_HEADER, type ComprehendLintOptions } from './comprehend.js';
export { lintVertexJsonl, lintVertexImportCsv } from './vertex.js';
