// particles.js - JavaScript twin of web/examples/particles.py: the
// particle systems of bench/js/particles.js (same algorithm, same float
// operations), with the example's size and per-system lines.  Systems are
// independent: split simulates them on any number of Web Workers.

import { bench } from '../../bench/js/particles.js';
import { rjust } from './format.js';

const SYSTEMS = 24;
const PARTICLES = 10;
const STEPS = 100;
const PARAMS = [SYSTEMS, PARTICLES, STEPS];

const split = {
  count: () => SYSTEMS,
  task: (k) => bench.split.task(PARAMS, k),
  finish(results) {
    let out = '';
    for (let k = 0; k < SYSTEMS; k++) {
      const [e, cx, cy] = results[k];
      out += `system ${rjust(k, 2)}: energy ${rjust(e, 10)}  centre (${rjust(cx, 8)}, ${rjust(cy, 8)})\n`;
    }
    return out + bench.split.finish(PARAMS, results) + '\n';
  },
};

export const twin = { name: 'particles', split };
