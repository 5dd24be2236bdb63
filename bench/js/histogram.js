// histogram: JavaScript twin of bench/parallel/histogram.py (same
// algorithm, sizes and output line).  Each task bins pseudo-random samples;
// the counts of the "hot" batches (one in four, in runs of three) go into a
// shared histogram and their numbers into a log, the others' counts stay in
// their own histogram.  With --threads N the batches are binned on N
// worker_threads and the hot counts are added afterwards on the main
// thread, in batch order, the serial order of the Python program's
// commits.

import { MODULUS, cli, runSplit } from './common.js';

// size -> [batches, samples per batch]
const SIZES = {
  tiny: [16, 500],
  quick: [80, 1000],
  default: [400, 6000],
};

const EXPECTED = {
  tiny: 'samples=8000 hot=6 shared=3000 peak=15 checksum=962081551',
  quick: 'samples=80000 hot=21 shared=21000 peak=15 checksum=897814347',
  default: 'samples=2400000 hot=102 shared=612000 peak=16 checksum=958982259',
};

const BINS = 32;

function isHot(index) {
  return Math.floor(index / 3) % 4 === 0;
}

function sampleBatch(index, samples) {
  let state = index + 1;
  const counts = new Array(BINS).fill(0);
  for (let s = 0; s < samples; s++) {
    let total = 0;
    for (let k = 0; k < 4; k++) {
      state = state * 48271 % MODULUS;
      total += state;
    }
    counts[Math.floor(total * BINS / (4 * MODULUS))] += 1;
  }
  return counts;
}

const split = {
  count: ([batches]) => batches,
  task: ([, samples], i) => sampleBatch(i, samples),
  finish([batches], counts) {
    const shared = new Array(BINS).fill(0);
    const hotLog = [];
    const local = [];
    for (let i = 0; i < batches; i++) {
      if (isHot(i)) {
        for (let b = 0; b < BINS; b++) shared[b] += counts[i][b];
        hotLog.push(i);
      } else {
        local.push(counts[i]);
      }
    }
    const merged = shared.slice();
    for (const c of local) {
      for (let b = 0; b < BINS; b++) merged[b] += c[b];
    }
    let checksum = 0;
    let peak = 0;
    for (let b = 0; b < BINS; b++) {
      checksum = (checksum * 131 + merged[b]) % 1000000007;
      checksum = (checksum * 131 + shared[b]) % 1000000007;
      if (merged[b] > merged[peak]) peak = b;
    }
    const sum = (values) => values.reduce((a, v) => a + v, 0);
    return `samples=${sum(merged)} hot=${hotLog.length} shared=${sum(shared)} peak=${peak} checksum=${checksum}`;
  },
};

export const bench = {
  name: 'histogram',
  sizes: SIZES,
  expected: EXPECTED,
  params: (sizeName) => SIZES[sizeName],
  run: (sizeName) => runSplit(split, SIZES[sizeName]),
  split,
};

cli(bench, import.meta.url);
