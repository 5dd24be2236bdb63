// wordcount.js - JavaScript twin of web/examples/wordcount.py: documents
// counted by bench/js/wordcount.js (same generator, same normalisation),
// then merged pairwise level by level, with the example's lines.  The
// documents are independent: split counts them on any number of Web
// Workers; the merge runs in finish.

import { bench } from '../../bench/js/wordcount.js';

const DOCUMENTS = 32;
const WORDS = 4000;
const PARAMS = [DOCUMENTS, WORDS];

const split = {
  count: () => DOCUMENTS,
  task: (i) => bench.split.task(PARAMS, i),
  finish(partials) {
    let out = `counted ${DOCUMENTS} documents of ${WORDS} words\n`;
    let level = 1;
    for (let n = DOCUMENTS; n > 1; n = Math.floor((n + 1) / 2)) {
      out += `merge level ${level}: ${n} dicts -> ${Math.floor((n + 1) / 2)}\n`;
      level += 1;
    }
    return out + bench.split.finish(PARAMS, partials) + '\n';
  },
};

export const twin = { name: 'wordcount', split };
