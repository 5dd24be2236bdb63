// wordcount: JavaScript twin of bench/parallel/wordcount.py (same
// algorithm, sizes and output line).  Each task generates one document,
// splits it, normalises the words and counts them into its own Map; the
// Maps are then merged pairwise, level by level, as the Python program's
// merge transactions do.  --threads N spreads the documents over N
// worker_threads; the merge runs on the main thread.  Words are ASCII, so
// JavaScript's string order is Python's.

import { MODULUS, cli, runSplit } from './common.js';

// size -> [documents, words per document]
const SIZES = {
  tiny: [8, 200],
  quick: [40, 1000],
  default: [300, 4000],
};

const EXPECTED = {
  tiny: 'words=1600 distinct=646 top=ka:61,mi:58,lo:56 checksum=526370307',
  quick: 'words=40000 distinct=3082 top=ka:1606,lo:1541,mi:1496 checksum=98957364',
  default: 'words=1200000 distinct=4276 top=ka:48252,lo:45249,mi:42585 checksum=27872386',
};

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ta', 'ru', 'shi', 'po',
  'an', 'er', 'vi', 'do', 'qua', 'ze', 'bo', 'li'];
const PUNCTUATION = [',', '.', ';', '!', '?'];
const EDGE_PUNCTUATION = /^[,.;!?]+|[,.;!?]+$/g;

function generate(seed, words) {
  let state = seed;
  const out = [];
  for (let i = 0; i < words; i++) {
    state = state * 48271 % MODULUS;
    const syllables = 1 + state % 3;
    let word = '';
    for (let s = 0; s < syllables; s++) {
      state = state * 48271 % MODULUS;
      const a = state % 16;
      state = state * 48271 % MODULUS;
      const b = state % 16;
      word += SYLLABLES[a < b ? a : b];
    }
    state = state * 48271 % MODULUS;
    let r = state % 20;
    if (r === 0) {
      word = word.toUpperCase();
    } else if (r < 4) {
      word = word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
    }
    state = state * 48271 % MODULUS;
    r = state % 10;
    if (r === 0) word += PUNCTUATION[Math.floor(state / 10) % 5];
    out.push(word);
    out.push(i % 12 === 11 ? '\n' : ' ');
  }
  return out.join('');
}

function countDocument(index, words) {
  const text = generate(index + 1, words);
  const counts = new Map();
  for (const token of text.split(/\s+/)) {
    if (token === '') continue;
    const word = token.replace(EDGE_PUNCTUATION, '').toLowerCase();
    counts.set(word, (counts.get(word) || 0) + 1);
  }
  return counts;
}

function mergePair(src, index) {
  const merged = new Map(src[2 * index]);
  if (2 * index + 1 < src.length) {
    for (const [word, n] of src[2 * index + 1]) merged.set(word, (merged.get(word) || 0) + n);
  }
  return merged;
}

function compareRanked(a, b) {
  if (a[1] !== b[1]) return b[1] - a[1];
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

const split = {
  count: ([documents]) => documents,
  task: ([, words], i) => countDocument(i, words),
  finish(params, partials) {
    let parts = partials;
    while (parts.length > 1) {
      const merged = new Array(Math.floor((parts.length + 1) / 2));
      for (let i = 0; i < merged.length; i++) merged[i] = mergePair(parts, i);
      parts = merged;
    }
    const ranked = [...parts[0]].sort(compareRanked);
    let total = 0;
    let checksum = 0;
    for (const [word, n] of ranked) {
      total += n;
      for (let c = 0; c < word.length; c++) {
        checksum = (checksum * 131 + word.charCodeAt(c)) % 1000000007;
      }
      checksum = (checksum * 131 + n) % 1000000007;
    }
    const top = ranked.slice(0, 3).map(([word, n]) => `${word}:${n}`).join(',');
    return `words=${total} distinct=${ranked.length} top=${top} checksum=${checksum}`;
  },
};

export const bench = {
  name: 'wordcount',
  sizes: SIZES,
  expected: EXPECTED,
  params: (sizeName) => SIZES[sizeName],
  run: (sizeName) => runSplit(split, SIZES[sizeName]),
  split,
};

cli(bench, import.meta.url);
