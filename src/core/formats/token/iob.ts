import type { ConvertOptions } from '../options.js';

export type IobScheme = ConvertOptions['scheme'];
export const IOB_SCHEMES: readonly IobScheme[] = ['IOB2', 'IOB1', 'IOBES', 'BILOU'];

/** A labelled run of whole tokens inside one row, end inclusive; runs of one tier never overlap. */
export interface TokenRun {
  start: number;
  end: number;
  label: string;
}

/**
 * Tags for one row of one tier. `O` outside runs; inside, by scheme:
 * - IOB2: `B-` on the first token, `I-` on the rest.
 * - IOB1: `I-` everywhere, `B-` only on the first token of a run that directly follows a run of
 *   the same label (the only place IOB1 needs it to keep the two apart).
 * - IOBES: `S-` for a one-token run, else `B-`, `I-`…, `E-`.
 * - BILOU: `U-` for a one-token run, else `B-`, `I-`…, `L-`.
 */
export function iobTags(tokenCount: number, runs: readonly TokenRun[], scheme: IobScheme): string[] {
  const tags = new Array<string>(tokenCount).fill('O');
  const ordered = [...runs].sort((a, b) => a.start - b.start);
  let previous: TokenRun | undefined;
  for (const run of ordered) {
    const single = run.start === run.end;
    for (let t = run.start; t <= run.end && t < tokenCount; t++) {
      const first = t === run.start;
      const last = t === run.end;
      let prefix: string;
      switch (scheme) {
        case 'IOB2':
          prefix = first ? 'B' : 'I';
          break;
        case 'IOB1':
          prefix = first && previous !== undefined && previous.end === run.start - 1 && previous.label === run.label ? 'B' : 'I';
          break;
        case 'IOBES':
          prefix = single ? 'S' : first ? 'B' : last ? 'E' : 'I';
          break;
        case 'BILOU':
          prefix = single ? 'U' : first ? 'B' : last ? 'L' : 'I';
          break;
      }
      tags[t] = `${prefix}-${run.label}`;
    }
    previous = run;
  }
  return tags;
}

/** TSV_NON_IOB: the label name on every token of a run, `O` elsewhere. */
export function plainTags(tokenCount: number, runs: readonly TokenRun[]): string[] {
  const tags = new Array<string>(tokenCount).fill('O');
  for (const run of runs) for (let t = run.start; t <= run.end && t < tokenCount; t++) tags[t] = run.label;
  return tags;
}
