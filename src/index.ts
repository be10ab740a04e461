/**
 * `datasaur-export` in Node: the converter core (`./core/index.ts`: read, convert and write exports
 * held in memory; what the `browser` condition of the package gives alone) and the Node adapters
 * (`./node/index.ts`: files, folders, atomic output; zlib for ZIP entries; the PDF's fonts).
 * The export-API client and the simulator are entries of their own (`datasaur-export/client`,
 * `datasaur-export/simulator`): importing the converter loads no HTTP, GraphQL, worker or CLI code.
 */
export * from './core/index.js';
export * from './node/index.js';
