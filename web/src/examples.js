// examples.js - the playground's examples: each a Python program
// (web/examples/*.py, bundled as text) and its JavaScript twin
// (web/twins/*.js), shared by the page and the JS-twin worker.
//
// Invariants: ids are the file names without ".py" and are stable (they
// appear in shared links: #ex=<id>); every twin's output equals its
// program's stdout under CPython with the serial reference module; a twin
// with a `split` may spread its tasks over several workers.

import primesPy from '../examples/primes.py';
import mandelbrotPy from '../examples/mandelbrot.py';
import particlesPy from '../examples/particles.py';
import wordcountPy from '../examples/wordcount.py';
import bankPy from '../examples/bank.py';
import conflictsPy from '../examples/conflicts.py';
import atomicThreadsPy from '../examples/atomic_threads.py';
import { twin as primesJs } from '../twins/primes.js';
import { twin as mandelbrotJs } from '../twins/mandelbrot.js';
import { twin as particlesJs } from '../twins/particles.js';
import { twin as wordcountJs } from '../twins/wordcount.js';
import { twin as bankJs } from '../twins/bank.js';
import { twin as conflictsJs } from '../twins/conflicts.js';
import { twin as atomicThreadsJs } from '../twins/atomic_threads.js';

export const EXAMPLES = [
  { id: 'primes', title: 'Primes (independent CPU work)', source: primesPy, twin: primesJs },
  { id: 'mandelbrot', title: 'Mandelbrot (rows drawn as they finish)', source: mandelbrotPy, twin: mandelbrotJs },
  { id: 'particles', title: 'Particles (object-heavy simulation)', source: particlesPy, twin: particlesJs },
  { id: 'wordcount', title: 'Word count (count, then merge)', source: wordcountPy, twin: wordcountJs },
  { id: 'bank', title: 'Bank transfers (money conserved)', source: bankPy, twin: bankJs },
  { id: 'conflicts', title: 'Conflicts (aborts on purpose)', source: conflictsPy, twin: conflictsJs },
  { id: 'atomic_threads', title: 'Threads with atomic blocks', source: atomicThreadsPy, twin: atomicThreadsJs },
];

export function exampleById(id) {
  return EXAMPLES.find((e) => e.id === id) || null;
}

// The whole output of a twin, computed on the calling thread.
export function runTwin(twin) {
  if (twin.run) return twin.run();
  const partials = [];
  for (let i = 0; i < twin.split.count(); i++) partials.push(twin.split.task(i));
  return twin.split.finish(partials);
}
