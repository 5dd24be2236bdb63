// counter: JavaScript twin of bench/parallel/counter.py (same algorithm,
// sizes and output line).  Each task computes the total Collatz stopping
// time of its block of integers; every task also increments the same
// counter and updates the same sum and order-sensitive digest (the Python
// program increments the counter at the start of its transaction, where it
// makes every concurrent transaction conflict, and the rest at the end; the
// result is the same).  With --threads N the blocks are computed on N
// worker_threads and the updates applied afterwards on the main thread, in
// block order, the serial order of the Python program's commits.
// Collatz values stay below 2**35 for these sizes, exact in doubles.

import { cli, runSplit } from './common.js';

// size -> [blocks, integers per block]
const SIZES = {
  tiny: [16, 100],
  quick: [100, 150],
  default: [400, 600],
};

const EXPECTED = {
  tiny: 'count=16 steps=104005 digest=74897013',
  quick: 'count=100 steps=1332895 digest=813770407',
  default: 'count=400 steps=27969827 digest=762287938',
};

function collatzBlock(index, width) {
  let steps = 0;
  for (let start = index * width + 1; start <= (index + 1) * width; start++) {
    let n = start;
    while (n !== 1) {
      n = n % 2 === 0 ? n / 2 : 3 * n + 1;
      steps += 1;
    }
  }
  return steps;
}

const split = {
  count: ([blocks]) => blocks,
  task: ([, width], i) => collatzBlock(i, width),
  finish([blocks], steps) {
    const totals = { count: 0, sum: 0, digest: 0 };
    for (let i = 0; i < blocks; i++) {
      totals.count += 1;
      totals.sum += steps[i];
      totals.digest = (totals.digest * 31 + steps[i]) % 1000000007;
    }
    return `count=${totals.count} steps=${totals.sum} digest=${totals.digest}`;
  },
};

export const bench = {
  name: 'counter',
  sizes: SIZES,
  expected: EXPECTED,
  params: (sizeName) => SIZES[sizeName],
  run: (sizeName) => runSplit(split, SIZES[sizeName]),
  split,
};

cli(bench, import.meta.url);
