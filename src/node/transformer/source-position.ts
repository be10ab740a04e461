import { SourceMap } from 'node:module';
import type { CompiledTransformer } from './compile.js';
import { TRANSFORMER_SCRIPT_NAME } from './sandbox-scripts.js';

/** A place in the user's transformer file, 1-based. */
export interface SourcePosition {
  line: number;
  column: number;
}

/**
 * Maps places in the compiled code back to the user's file through the compiler's source map
 * (Node's own `SourceMap` reader; esbuild reprints code, so even a `.js` file needs it).
 */
export class SourcePositions {
  private map?: SourceMap;

  constructor(private readonly compiled: CompiledTransformer) {}

  /** A 1-based line and column of the compiled code, in the user's file. */
  original(line: number, column: number): SourcePosition {
    this.map ??= new SourceMap(JSON.parse(this.compiled.map));
    const entry = this.map.findEntry(line - 1, column - 1) as { originalLine?: number; originalColumn?: number };
    if (entry?.originalLine === undefined || entry.originalColumn === undefined) return { line, column };
    return { line: entry.originalLine + 1, column: entry.originalColumn + 1 };
  }

  /** The first frame of a stack trace that is in the transformer's code. */
  fromStack(stack: string): SourcePosition | undefined {
    const frame = new RegExp(`${TRANSFORMER_SCRIPT_NAME.replace(/\./g, '\\.')}:(\\d+):(\\d+)`).exec(stack);
    return frame ? this.original(Number(frame[1]), Number(frame[2])) : undefined;
  }

  /** Where a function's source text (as `Function.prototype.toString` gives it) starts. */
  ofFunction(source: string): SourcePosition | undefined {
    if (!source) return undefined;
    const at = this.compiled.code.indexOf(source);
    if (at < 0) return undefined;
    const before = this.compiled.code.slice(0, at);
    const line = before.split('\n').length;
    return this.original(line, at - before.lastIndexOf('\n'));
  }
}
