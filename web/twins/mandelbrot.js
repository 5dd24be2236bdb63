// mandelbrot.js - JavaScript twin of web/examples/mandelbrot.py: the rows
// of bench/js/mandelbrot.js (same algorithm, same float operations, so the
// same counts bit for bit), drawn two rows per line as the example draws
// them.  Rows are independent: split computes them on any number of Web
// Workers.

import { bench } from '../../bench/js/mandelbrot.js';

const SIDE = 72;
const LIMIT = 2500;
const PARAMS = [SIDE, LIMIT];

function cell(top, bottom) {
  if (top === LIMIT) return bottom === LIMIT ? '\u2588' : '\u2580';
  if (bottom === LIMIT) return '\u2584';
  const n = Math.max(top, bottom);
  if (n > 24) return '\u2592';
  if (n > 10) return '\u2591';
  if (n > 5) return '\u00b7';
  return ' ';
}

const split = {
  count: () => SIDE,
  task: (y) => bench.split.task(PARAMS, y),
  finish(rows) {
    let out = '';
    for (let k = 0; k < SIDE / 2; k++) {
      let line = '';
      for (let x = 0; x < SIDE; x++) line += cell(rows[2 * k][x], rows[2 * k + 1][x]);
      out += line.trimEnd() + '\n';
    }
    return out + bench.split.finish(PARAMS, rows) + '\n';
  },
};

export const twin = { name: 'mandelbrot', split };
