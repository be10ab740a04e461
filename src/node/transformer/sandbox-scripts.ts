/**
 * The JavaScript that runs in the transformer's sandbox, as source text: a worker thread started
 * from a string (`eval: true`) loads none of our modules, so it starts the same from `dist/` and
 * from the TypeScript sources, and nothing of the package is reachable from inside it.
 *
 * Inside the worker each document gets a fresh `node:vm` context (a null-prototype global, so no
 * object of the worker's own realm is reachable; no code generation from strings, no WebAssembly).
 * The prelude runs first in that context: it captures the intrinsics the sandbox needs before the
 * transformer can change them, gives it `console` (collected, not printed) and a `require` that
 * explains itself, and removes the binary buffers (their memory is outside the heap limit), the
 * atomics and the finalizers (which could run after the call). Results leave the context as one
 * JSON string, so the worker never touches an object the transformer made.
 */

/** The name stack frames of the transformer's code carry (its compiled code, mapped back to the user's file). */
export const TRANSFORMER_SCRIPT_NAME = 'datasaur-transformer.js';

/** Console lines kept per document, and characters per line. */
export const MAX_LOG_LINES = 200;
export const MAX_LOG_LINE = 2000;

const PRELUDE = String.raw`(() => {
  'use strict';
  const g = globalThis;
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const call = Function.prototype.call;
  const objectTag = call.bind(Object.prototype.toString);
  const functionSource = call.bind(Function.prototype.toString);
  const defineProperty = Object.defineProperty;
  const create = Object.create;
  const Str = String;
  const ErrorType = Error;
  const MAX_LINES = ${MAX_LOG_LINES};
  const MAX_LINE = ${MAX_LOG_LINE};
  let logText = '';
  let lines = 0;
  let dropped = 0;

  const show = (value) => {
    if (typeof value === 'string') return value;
    try {
      const text = stringify(value);
      return text === undefined ? Str(value) : text;
    } catch {
      try { return Str(value); } catch { return '[value that cannot be shown]'; }
    }
  };
  const log = (...args) => {
    if (lines >= MAX_LINES) { dropped++; return; }
    let line = '';
    for (let i = 0; i < args.length; i++) line += (i ? ' ' : '') + show(args[i]);
    if (line.length > MAX_LINE) line = line.slice(0, MAX_LINE) + '…';
    logText += (lines ? '\n' : '') + line;
    lines++;
  };
  g.console = { log, info: log, warn: log, error: log, debug: log, trace: log, dir: log, table: log };
  for (const name of ['WebAssembly', 'SharedArrayBuffer', 'ArrayBuffer', 'DataView', 'Atomics', 'FinalizationRegistry',
    'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
    'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array']) delete g[name];
  g.require = (name) => {
    throw new ErrorType('require(' + stringify(Str(name)) + ') is not available: the transformer runs without file system, network or modules (bundle a library into the transformer file instead)');
  };
  const module = { exports: {} };
  g.module = module;
  g.exports = module.exports;

  const describe = (value) => {
    if (value === null) return 'null';
    if (typeof value === 'function') return 'a function';
    if (typeof value !== 'object') return typeof value === 'undefined' ? 'undefined' : 'a ' + typeof value;
    const tag = objectTag(value).slice(8, -1);
    return (/^[AEIOU]/.test(tag) ? 'an ' : 'a ') + tag;
  };
  const record = (fields) => {
    const out = create(null);
    for (const key in fields) out[key] = fields[key];
    out.logs = logText;
    out.dropped = dropped;
    return stringify(out);
  };
  const failure = (cause, error, phase) => {
    let message;
    let stack = '';
    try {
      if (error !== null && (typeof error === 'object' || typeof error === 'function')) {
        const name = error.name;
        const text = error.message;
        message = (typeof name === 'string' && name ? name : 'Error') + ': ' + Str(text);
        if (typeof error.stack === 'string') stack = error.stack;
      } else {
        message = 'threw ' + show(error) + ' (throw an Error to get the line it came from)';
      }
    } catch {
      message = 'threw a value that cannot be described';
    }
    return record({ ok: false, cause, message, stack, phase });
  };
  const fixed = (name, value) => defineProperty(g, name, { value, writable: false, enumerable: false, configurable: false });

  // The transformer's top level threw (the worker passes what it caught back in).
  fixed('__datasaurLoadFailed', () => failure('exception', g.__datasaurThrown, 'load'));
  // The function the file ends with (or exports), called on the document.
  fixed('__datasaurCall', (probe) => {
    const exported = module.exports;
    let fn = g.__datasaurCompletion;
    if (typeof exported === 'function') fn = exported;
    else if (exported !== null && typeof exported === 'object' && typeof exported.default === 'function') fn = exported.default;
    if (typeof fn !== 'function') {
      return record({ ok: false, cause: 'no-function', phase: 'load', message: 'the file evaluates to ' + describe(fn) + ', not a function: it must end with the transformer, (document: Exportable): string => { … }, or export it as default' });
    }
    if (probe) return record({ ok: true, text: '' });
    let result;
    try {
      result = fn(parse(g.__datasaurJson));
    } catch (error) {
      return failure('exception', error, 'run');
    }
    if (typeof result !== 'string') {
      let source = '';
      try { source = functionSource(fn); } catch {}
      return record({ ok: false, cause: 'not-a-string', phase: 'run', message: 'returned ' + describe(result) + ', not a string (an export transformer returns the text of the file)', source });
    }
    return record({ ok: true, text: result });
  });
})();`;

/**
 * The worker: compiles the transformer once, then answers each job (`probe`: does the file give a
 * function; `run`: one document) with the context's JSON string. A time-out inside the VM answers
 * `timeout`; the host's own deadline (with a debugger pause for the line) usually comes first.
 */
export function workerSource(): string {
  return String.raw`'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const vm = require('node:vm');
const PRELUDE = ${JSON.stringify(PRELUDE)};
const prelude = new vm.Script(PRELUDE, { filename: 'datasaur-sandbox-prelude.js' });
const loadFailed = new vm.Script('__datasaurLoadFailed()', { filename: 'datasaur-sandbox.js' });
const callProbe = new vm.Script('__datasaurCall(true)', { filename: 'datasaur-sandbox.js' });
const callRun = new vm.Script('__datasaurCall(false)', { filename: 'datasaur-sandbox.js' });
let transformer;
try {
  transformer = new vm.Script(workerData.code, { filename: ${JSON.stringify(TRANSFORMER_SCRIPT_NAME)} });
} catch (error) {
  transformer = undefined;
}

function timedOut(error) {
  return error instanceof Error && error.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

function runJob(job) {
  if (!transformer) return JSON.stringify({ ok: false, cause: 'exception', phase: 'load', message: 'the compiled transformer does not parse', stack: '', logs: '', dropped: 0 });
  const deadline = Date.now() + job.timeoutMs;
  const left = () => Math.max(1, deadline - Date.now());
  const context = vm.createContext(Object.create(null), {
    name: 'export transformer',
    codeGeneration: { strings: false, wasm: false },
    microtaskMode: 'afterEvaluate',
  });
  try {
    prelude.runInContext(context, { timeout: left() });
    context.__datasaurJson = job.json;
    let completion;
    try {
      completion = transformer.runInContext(context, { timeout: left() });
    } catch (error) {
      if (timedOut(error)) throw error;
      context.__datasaurThrown = error;
      return loadFailed.runInContext(context, { timeout: left() });
    }
    context.__datasaurCompletion = completion;
    return (job.kind === 'probe' ? callProbe : callRun).runInContext(context, { timeout: left() });
  } catch (error) {
    if (timedOut(error)) return JSON.stringify({ ok: false, cause: 'timeout', message: '', logs: '', dropped: 0 });
    return JSON.stringify({ ok: false, cause: 'crashed', message: 'the sandbox failed: ' + String(error && error.message), logs: '', dropped: 0 });
  }
}

parentPort.on('message', (job) => {
  const reply = runJob(job);
  parentPort.postMessage({ id: job.id, reply: typeof reply === 'string' ? reply : null });
});
`;
}
