// primes: JavaScript twin of bench/parallel/primes.py (same algorithm, same
// sizes, same output line).  Counts the primes below a limit by trial
// division, the range cut into equal slices; the slices are independent, so
// --threads N spreads them over N worker_threads.  All numbers stay far
// below 2**53, so the arithmetic is exact as in Python.

import { cli, runSplit } from './common.js';

const SIZES = {
  tiny: [20000, 16],
  quick: [200000, 100],
  default: [1000000, 400],
};

const EXPECTED = {
  tiny: 'count=2262 sum=21171191 weighted=18076',
  quick: 'count=17984 sum=1709600813 weighted=863771',
  default: 'count=78498 sum=37550402023 weighted=15059349',
};

function countSlice(lo, hi) {
  let count = 0;
  let total = 0;
  let n = lo;
  if (n <= 2 && 2 < hi) {
    count = 1;
    total = 2;
  }
  if (n < 3) n = 3;
  if (n % 2 === 0) n += 1;
  for (; n < hi; n += 2) {
    let prime = true;
    for (let d = 3; d * d <= n; d += 2) {
      if (n % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) {
      count += 1;
      total += n;
    }
  }
  return [count, total];
}

const split = {
  count: ([, slices]) => slices,
  task([limit, slices], i) {
    return countSlice(Math.floor(limit * i / slices), Math.floor(limit * (i + 1) / slices));
  },
  finish([, slices], partials) {
    let count = 0;
    let total = 0;
    let weighted = 0;
    for (let i = 0; i < slices; i++) {
      count += partials[i][0];
      total += partials[i][1];
      weighted = (weighted + (i + 1) * partials[i][0]) % 1000000007;
    }
    return `count=${count} sum=${total} weighted=${weighted}`;
  },
};

export const bench = {
  name: 'primes',
  sizes: SIZES,
  expected: EXPECTED,
  params: (sizeName) => SIZES[sizeName],
  run: (sizeName) => runSplit(split, SIZES[sizeName]),
  split,
};

cli(bench, import.meta.url);
