/**
 * Input entries in the server's order: by a sort key (`key`, compared with `localeCompare`), equal
 * keys in entry order. The result is what `positions.sort((a, b) => key(a).localeCompare(key(b)))`
 * gives (a stable sort of ascending positions), without holding every entry's key at once.
 *
 * Why: that sort held a key string per entry (about 110 bytes each with the input's path in front)
 * for as long as it ran, so on the bench's 40,000-entry export about 5 MB survived scavenges and
 * was promoted while the input opened. V8 grows the young generation by what survives, and that
 * burst alone took it from 2 to 16 MB per semi-space on 20,000 documents (8 MB on 5,000): 16 MB
 * more peak RSS for the larger run, for the whole run (issue 15).
 *
 * Here the entries of each folder (`group`) are split into runs already in order (an export lists
 * a folder's files sorted, so a folder is usually one run), and the runs are merged: only the last
 * key of each folder and the head key of each run are alive at a time, and every key dies young.
 * Entries in no order at all make one run each, and memory is then what the plain sort took.
 */
export function sortEntries(positions: readonly number[], key: (position: number) => string, group: (position: number) => string): number[] {
  const runs = orderedRuns(positions, key, group);
  if (runs.length === 1) return runs[0];
  return mergeRuns(runs, key);
}

/** Each group's positions cut into runs whose keys do not decrease. */
function orderedRuns(positions: readonly number[], key: (position: number) => string, group: (position: number) => string): number[][] {
  const runs: number[][] = [];
  const open = new Map<string, { run: number[]; last: string }>();
  for (const position of positions) {
    const name = group(position);
    const current = key(position);
    const state = open.get(name);
    if (state && state.last.localeCompare(current) <= 0) {
      state.run.push(position);
      state.last = current;
    } else {
      const run = [position];
      runs.push(run);
      if (state) {
        state.run = run;
        state.last = current;
      } else open.set(name, { run, last: current });
    }
  }
  return runs;
}

/** A run being merged: where it is and its head's key. */
interface Cursor {
  run: number[];
  at: number;
  key: string;
}

/** Before in the result: a smaller key, or the same key and an earlier entry. */
function before(a: Cursor, b: Cursor): boolean {
  const order = a.key.localeCompare(b.key);
  return order < 0 || (order === 0 && a.run[a.at] < b.run[b.at]);
}

/** A k-way merge over a binary heap of the runs' heads. */
function mergeRuns(runs: number[][], key: (position: number) => string): number[] {
  const heap: Cursor[] = runs.map((run) => ({ run, at: 0, key: key(run[0]) }));
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(heap, i);
  const out: number[] = [];
  while (heap.length > 0) {
    const top = heap[0];
    out.push(top.run[top.at]);
    top.at++;
    if (top.at < top.run.length) top.key = key(top.run[top.at]);
    else {
      const last = heap.pop()!;
      if (heap.length === 0) break;
      heap[0] = last;
    }
    siftDown(heap, 0);
  }
  return out;
}

function siftDown(heap: Cursor[], from: number): void {
  let i = from;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= heap.length) return;
    const right = left + 1;
    const child = right < heap.length && before(heap[right], heap[left]) ? right : left;
    if (!before(heap[child], heap[i])) return;
    const swap = heap[i];
    heap[i] = heap[child];
    heap[child] = swap;
    i = child;
  }
}
