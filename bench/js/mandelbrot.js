// mandelbrot: JavaScript twin of bench/parallel/mandelbrot.py (same
// algorithm, sizes and output line).  Escape-time counts over [-2, 0.5] x
// [-1.25, 1.25], one task per row; rows are independent, so --threads N
// spreads them over N worker_threads.  The float operations are the
// Python program's, in the same order, so the counts are bit-for-bit equal.

import { cli, runSplit } from './common.js';

// size -> [side in points, maximum iterations]
const SIZES = {
  tiny: [24, 50],
  quick: [100, 100],
  default: [400, 200],
};

const EXPECTED = {
  tiny: 'iterations=9646 inside=148 weighted=81113397',
  quick: 'iterations=293737 inside=2501 weighted=507426444',
  default: 'iterations=8618637 inside=39163 weighted=293197764',
};

function computeRow(y, side, limit) {
  const ci = -1.25 + 2.5 * y / side;
  const row = new Array(side);
  for (let x = 0; x < side; x++) {
    const cr = -2.0 + 2.5 * x / side;
    let zr = 0.0;
    let zi = 0.0;
    let zr2 = 0.0;
    let zi2 = 0.0;
    let n = 0;
    while (n < limit && zr2 + zi2 <= 4.0) {
      zi = 2.0 * zr * zi + ci;
      zr = zr2 - zi2 + cr;
      zr2 = zr * zr;
      zi2 = zi * zi;
      n += 1;
    }
    row[x] = n;
  }
  return row;
}

const split = {
  count: ([side]) => side,
  task: ([side, limit], y) => computeRow(y, side, limit),
  finish([side, limit], rows) {
    let total = 0;
    let inside = 0;
    let weighted = 0;
    for (let y = 0; y < side; y++) {
      const row = rows[y];
      let rowSum = 0;
      for (const n of row) {
        rowSum += n;
        if (n === limit) inside += 1;
      }
      total += rowSum;
      for (let x = 0; x < side; x++) {
        weighted = (weighted * 31 + row[x] * (x + 1)) % 1000000007;
      }
      weighted = (weighted + (y + 1) * rowSum) % 1000000007;
    }
    return `iterations=${total} inside=${inside} weighted=${weighted}`;
  },
};

export const bench = {
  name: 'mandelbrot',
  sizes: SIZES,
  expected: EXPECTED,
  params: (sizeName) => SIZES[sizeName],
  run: (sizeName) => runSplit(split, SIZES[sizeName]),
  split,
};

cli(bench, import.meta.url);
