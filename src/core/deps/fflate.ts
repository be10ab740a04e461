/**
 * fflate, from its browser build in every runtime. Its Node build is the same code plus a shim for
 * its async (worker-based) functions that loads `worker_threads` when imported, and importing the
 * converter must load no worker module (test/build/entry-points.test.ts; issue 12: import time).
 * Only synchronous and streaming functions are used here, which never start a worker.
 */
export { inflateSync, Zip, ZipDeflate, zipSync } from 'fflate/browser';
