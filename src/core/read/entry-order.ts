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
 *
 * Positions come and go in typed arrays, and every list here lives outside the JavaScript heap (a
 * run is a stretch of one array, not an array of its own). On the bench's 40,000-entry export the
 * position lists, grown by `push` and merged into another array, were 3.4 MB that survived
 * scavenges while the input opened (measured with --trace-gc-nvp), which counted towards the young
 * generation's growth from 8 to 16 MB; with typed arrays the opening leaves about nothing there.
 */
export function sortEntryPositions(positions: Uint32Array, key: (position: number) => string, group: (position: number) => string): Uint32Array {
  const runs = orderedRuns(positions, key, group);
  if (runs.count === 1) return runs.items;
  return mergeRuns(runs, key);
}

/** Runs laid end to end: run `r` is `items[starts[r]] … items[starts[r + 1] - 1]`. */
interface Runs {
  items: Uint32Array;
  starts: Uint32Array;
  count: number;
}

/** Each group's positions cut into runs whose keys do not decrease. */
function orderedRuns(positions: Uint32Array, key: (position: number) => string, group: (position: number) => string): Runs {
  // First pass: the run of each position (a group's next position continues its open run when its
  // key does not go back) and each run's length. Runs are numbered in order of their first entry.
  const runOf = new Uint32Array(positions.length);
  const lengths = new Uint32Array(positions.length + 1);
  const open = new Map<string, { run: number; last: string }>();
  let count = 0;
  for (let n = 0; n < positions.length; n++) {
    const position = positions[n];
    const name = group(position);
    const current = key(position);
    const state = open.get(name);
    let run: number;
    if (state && state.last.localeCompare(current) <= 0) run = state.run;
    else {
      run = count++;
      if (state) state.run = run;
      else open.set(name, { run, last: current });
    }
    if (state) state.last = current;
    runOf[n] = run;
    lengths[run]++;
  }
  // Second pass: each position into its run's stretch, in input order.
  const starts = new Uint32Array(count + 1);
  for (let r = 0; r < count; r++) starts[r + 1] = starts[r] + lengths[r];
  const fill = starts.slice(0, count);
  const items = new Uint32Array(positions.length);
  for (let n = 0; n < positions.length; n++) items[fill[runOf[n]]++] = positions[n];
  return { items, starts, count };
}

/** A run being merged: where it is and its head's key. */
interface Cursor {
  at: number;
  end: number;
  key: string;
}

/** Before in the result: a smaller key, or the same key and an earlier entry. */
function before(items: Uint32Array, a: Cursor, b: Cursor): boolean {
  const order = a.key.localeCompare(b.key);
  return order < 0 || (order === 0 && items[a.at] < items[b.at]);
}

/** A k-way merge over a binary heap of the runs' heads. */
function mergeRuns(runs: Runs, key: (position: number) => string): Uint32Array {
  const { items, starts } = runs;
  const heap: Cursor[] = [];
  for (let r = 0; r < runs.count; r++) heap.push({ at: starts[r], end: starts[r + 1], key: key(items[starts[r]]) });
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(items, heap, i);
  const out = new Uint32Array(items.length);
  let written = 0;
  while (heap.length > 0) {
    const top = heap[0];
    out[written++] = items[top.at];
    top.at++;
    if (top.at < top.end) top.key = key(items[top.at]);
    else {
      const last = heap.pop()!;
      if (heap.length === 0) break;
      heap[0] = last;
    }
    siftDown(items, heap, 0);
  }
  return out;
}

function siftDown(items: Uint32Array, heap: Cursor[], from: number): void {
  let i = from;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= heap.length) return;
    const right = left + 1;
    const child = right < heap.length && before(items, heap[right], heap[left]) ? right : left;
    if (!before(items, heap[child], heap[i])) return;
    const swap = heap[i];
    heap[i] = heap[child];
    heap[child] = swap;
    i = child;
  }
}
