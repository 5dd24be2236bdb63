// primes.js - JavaScript twin of web/examples/primes.py: the trial-division
// slices of bench/js/primes.js (same algorithm), with the example's size
// and per-slice lines.  Slices are independent: split runs them on any
// number of Web Workers.

import { bench } from '../../bench/js/primes.js';
import { rjust } from './format.js';

const LIMIT = 600000;
const SLICES = 40;
const PARAMS = [LIMIT, SLICES];

const split = {
  count: () => SLICES,
  task: (i) => bench.split.task(PARAMS, i),
  finish(partials) {
    let out = '';
    for (let i = 0; i < SLICES; i++) {
      const lo = Math.floor(LIMIT * i / SLICES);
      const hi = Math.floor(LIMIT * (i + 1) / SLICES);
      out += `slice ${rjust(i, 2)}: ${rjust(lo, 6)}..${rjust(hi, 6)}  ${rjust(partials[i][0], 4)} primes\n`;
    }
    return out + bench.split.finish(PARAMS, partials) + '\n';
  },
};

export const twin = { name: 'primes', split };
