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
  const ordered = runs.length > 1 ? [...runs].sort((a, b) => a.start - b.start) : runs;
  let previous: TokenRun | undefined;
  for (const run of ordered) {
    // The run's tags are made once, not a string per tagged token.
    const { first, inside, last } = runTags(run, previous, scheme);
    for (let t = run.start; t <= run.end && t < tokenCount; t++) tags[t] = t === run.start ? first : t === run.end ? last : inside;
    previous = run;
  }
  return tags;
}

/** The tags of a run's first token (also of a one-token run), of its inner tokens and of its last. */
function runTags(run: TokenRun, previous: TokenRun | undefined, scheme: IobScheme): { first: string; inside: string; last: string } {
  const label = run.label;
  const inside = `I-${label}`;
  switch (scheme) {
    case 'IOB2':
      return { first: `B-${label}`, inside, last: inside };
    case 'IOB1': {
      const afterSame = previous !== undefined && previous.end === run.start - 1 && previous.label === label;
      return { first: afterSame ? `B-${label}` : inside, inside, last: inside };
    }
    case 'IOBES':
      return run.start === run.end ? { first: `S-${label}`, inside, last: inside } : { first: `B-${label}`, inside, last: `E-${label}` };
    case 'BILOU':
      return run.start === run.end ? { first: `U-${label}`, inside, last: inside } : { first: `B-${label}`, inside, last: `L-${label}` };
  }
}

/** TSV_NON_IOB: the label name on every token of a run, `O` elsewhere. */
export function plainTags(tokenCount: number, runs: readonly TokenRun[]): string[] {
  const tags = new Array<string>(tokenCount).fill('O');
  for (const run of runs) for (let t = run.start; t <= run.end && t < tokenCount; t++) tags[t] = run.label;
  return tags;
}
