export * from './kinds.js';
export * from './report.js';
export * from './render.js';
