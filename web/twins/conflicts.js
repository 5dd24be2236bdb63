// conflicts.js - JavaScript twin of web/examples/conflicts.py: the Collatz
// blocks of bench/js/counter.js (same algorithm), with the example's lines.
// In Python every transaction updates the shared totals, which is what
// makes them conflict; here the blocks are computed apart (on any number
// of Web Workers) and the totals updated afterwards in block order, the
// serial order of the Python commits, so the result is the same.

import { bench } from '../../bench/js/counter.js';
import { rjust } from './format.js';

const BLOCKS = 60;
const WIDTH = 300;
const PARAMS = [BLOCKS, WIDTH];

const split = {
  count: () => BLOCKS,
  task: (i) => bench.split.task(PARAMS, i),
  finish(steps) {
    let out = '';
    for (let i = 0; i < BLOCKS; i++) {
      if (i % 6 === 5) out += `block ${rjust(i, 2)} got ticket ${rjust(i + 1, 2)}: ${rjust(steps[i], 6)} steps\n`;
    }
    return out + bench.split.finish(PARAMS, steps) + '\n';
  },
};

export const twin = { name: 'conflicts', split };
