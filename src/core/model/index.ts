export * from './types.js';
export * from './positions.js';
export * from './offsets.js';
export * from './align.js';
export * from './build.js';
