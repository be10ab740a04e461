import type { a } from './a.js';
export const c = (x?: typeof a) => x;
