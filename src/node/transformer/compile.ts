import path from 'node:path';
import { InputError } from '../../core/errors.js';
import { loadOptionalPackage } from '../optional-package.js';

/** A transformer compiled to plain JavaScript for the sandbox, with the map back to the user's source. */
export interface CompiledTransformer {
  /** The file as the user named it, for messages. */
  file: string;
  code: string;
  /** Source map v3 (JSON) from `code` to the user's source. */
  map: string;
}

/**
 * Compiles a transformer (TypeScript or JavaScript) with esbuild's transform API, loaded on first
 * use so a run without CUSTOM never loads it. The output is CommonJS so an `export default` works
 * and a dynamic `import()` becomes a `require` the sandbox refuses (a real `import()` inside a VM
 * context would reach the worker's own module loader). Types are erased, not checked: the server
 * does not check them either, and `tsc` with `datasaur-export/transformer` checks them at home.
 * A syntax error is the run's error (every document would fail alike), naming line and column.
 */
export async function compileTransformer(source: string, file: string): Promise<CompiledTransformer> {
  const esbuild = await loadEsbuild();
  const typescript = /\.[cm]?tsx?$/i.test(file);
  try {
    const result = await esbuild.transform(source, {
      loader: /\.[cm]?tsx$/i.test(file) ? 'tsx' : typescript ? 'ts' : 'js',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'external',
      sourcefile: path.basename(file),
      supported: { 'dynamic-import': false },
      logLevel: 'silent',
    });
    return { file, code: result.code, map: result.map };
  } catch (error) {
    const first = (error as { errors?: Array<{ text: string; location?: { line: number; column: number; lineText: string } | null }> }).errors?.[0];
    if (!first) throw error;
    const at = first.location;
    throw new InputError('BAD_TRANSFORMER', `the transformer does not compile: ${first.text}`, {
      file,
      where: at ? `line ${at.line}, column ${at.column + 1}` : undefined,
      hint: at ? `The line reads: ${at.lineText.trim().slice(0, 120)}` : undefined,
      cause: error,
    });
  }
}

/**
 * esbuild is an optional peer dependency (23 MB with its platform binary, about a third of an
 * install): only CUSTOM needs it, so a converter user without transformers does not install it.
 */
function loadEsbuild(): Promise<typeof import('esbuild')> {
  return loadOptionalPackage('esbuild', 'a TypeScript compiler', () => import('esbuild'), 'CUSTOM transformers are compiled by', 'the other formats do not need it');
}
