// atomic_threads.js - JavaScript twin of web/examples/atomic_threads.py.
// The same work split the same way: "thread" t finds the Collatz chain
// lengths of t+1, t+1+THREADS, ... below LIMIT and folds them, CHUNK at a
// time, into the shared statistics.  JavaScript has no shared objects
// between workers, so each task returns its thread's folded statistics
// and finish merges them: that is what the atomic blocks compute, and the
// merge (sums, a maximum with ties to the smaller number) does not depend
// on the order of the folds, as in Python.

import { rjust } from './format.js';

const THREADS = 4;
const LIMIT = 60000;
const CHUNK = 500;

function chainLength(start) {
  let n = start;
  let steps = 0;
  while (n !== 1) {
    n = n % 2 === 0 ? n / 2 : 3 * n + 1;
    steps += 1;
  }
  return steps;
}

// One thread's share: its histogram (bucket -> count), count, record and
// number of folds (one per full chunk, plus the final, maybe empty, one).
function threadWork(t) {
  const histogram = new Map();
  let count = 0;
  let best = 0;
  let bestN = 0;
  for (let n = t + 1; n < LIMIT; n += THREADS) {
    const length = chainLength(n);
    const bucket = Math.floor(length / 50);
    histogram.set(bucket, (histogram.get(bucket) || 0) + 1);
    count += 1;
    if (length > best || (length === best && n < bestN)) {
      best = length;
      bestN = n;
    }
  }
  return { histogram, count, best, bestN, folds: Math.floor(count / CHUNK) + 1 };
}

const split = {
  count: () => THREADS,
  task: (t) => threadWork(t),
  finish(shares) {
    const histogram = new Map();
    let count = 0;
    let best = 0;
    let bestN = 0;
    let folds = 0;
    for (const share of shares) {
      for (const [bucket, n] of share.histogram) histogram.set(bucket, (histogram.get(bucket) || 0) + n);
      count += share.count;
      folds += share.folds;
      if (share.best > best || (share.best === best && share.bestN < bestN)) {
        best = share.best;
        bestN = share.bestN;
      }
    }
    let out = `numbers below ${LIMIT}: ${count}\n`;
    out += `longest chain: ${best} steps, from ${bestN}\n`;
    out += `atomic folds: ${folds}, every one saw a consistent histogram\n`;
    for (const bucket of [...histogram.keys()].sort((a, b) => a - b)) {
      out += `  ${rjust(bucket * 50, 3)}-${rjust(bucket * 50 + 49, 3)} steps: ${rjust(histogram.get(bucket), 5)}\n`;
    }
    return out;
  },
};

export const twin = { name: 'atomic_threads', split };
