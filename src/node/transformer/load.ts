import { promises as fs } from 'node:fs';
import { InputError } from '../../core/errors.js';
import { compileTransformer } from './compile.js';
import { SandboxedTransformer } from './sandbox.js';
import { DEFAULT_SANDBOX_LIMITS, type SandboxLimits } from './limits.js';

export type { SandboxLimits };
export { SandboxedTransformer, DEFAULT_SANDBOX_LIMITS };

/**
 * Loads an export transformer file (`.ts` or `.js`) for CUSTOM: compiles it, starts its sandbox and
 * checks once that the file gives a function. Problems of the file as a whole (it does not
 * compile, its top level throws or loops, it ends with no function) are `BAD_TRANSFORMER` errors
 * naming the line; a document's own failure is `TransformerFailed` in that run's report.
 *
 * ```ts
 * const transformer = await loadTransformer('my-export.ts');
 * try {
 *   const { files, report } = await writeFormat(document, 'CUSTOM', { options: { transformer } });
 * } finally {
 *   await transformer.close();
 * }
 * ```
 */
export async function loadTransformer(file: string, limits: Partial<SandboxLimits> = {}): Promise<SandboxedTransformer> {
  let source: string;
  try {
    source = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new InputError('FILE_NOT_FOUND', 'the transformer file cannot be read', { file, where: '--transformer', cause: error, hint: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'Check the path.' : undefined });
  }
  return createTransformer(source.replace(/^\uFEFF/, ''), { file, ...limits });
}

/** The same from source text (`file` names it in messages and decides TypeScript or JavaScript: default `transformer.ts`). */
export async function createTransformer(source: string, options: Partial<SandboxLimits> & { file?: string } = {}): Promise<SandboxedTransformer> {
  const { file = 'transformer.ts', ...limits } = options;
  const resolved = Object.assign({}, DEFAULT_SANDBOX_LIMITS, limits);
  if (!(resolved.timeoutMs > 0) || !(resolved.memoryMb >= 16)) {
    throw new InputError('BAD_OPTION', 'the transformer needs a positive time limit and at least 16 MB', { where: '--transformer-timeout / --transformer-memory' });
  }
  const transformer = new SandboxedTransformer(await compileTransformer(source, file), resolved);
  const probe = await transformer.probe();
  if (probe.ok) return transformer;
  await transformer.close();
  const where = probe.line ? `line ${probe.line}, column ${probe.column}` : undefined;
  const what = probe.cause === 'timeout' ? `the file's top level ${probe.message}` : probe.cause === 'memory' ? `the file's top level ${probe.message}` : probe.message;
  throw new InputError('BAD_TRANSFORMER', what, { file, where, hint: probe.cause === 'no-function' ? 'The documented template is: (document: Exportable): string => { return document.cells.map((cell) => cell.content).join(\'\\n\'); };' : undefined });
}
