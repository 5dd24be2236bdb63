// jsrunner.js - the page's side of the JavaScript twins: a small pool of
// module workers (js-worker.js), so that a twin never runs on the page's
// thread.  runJs(example, threads) runs the twin on one worker, or, when
// it has a split and threads > 1, its tasks interleaved over `threads`
// workers (task i on worker i % threads) and its finish on the first.
//
// Invariants: workers are created on first use and kept (warm), so a
// measured time holds no worker start-up; the time is taken on the page
// around the whole run, messages included; stop() terminates them all and
// the next run starts fresh ones.

const WORKER_URL = new URL('./js-worker.js', import.meta.url);

let pool = [];
let nextId = 1;
const pending = new Map();      // id -> {resolve, reject}

function spawn() {
  const worker = new Worker(WORKER_URL, { type: 'module' });
  worker.onmessage = (event) => {
    const waiter = pending.get(event.data.id);
    if (!waiter) return;
    pending.delete(event.data.id);
    if (event.data.error !== undefined) waiter.reject(new Error(event.data.error));
    else waiter.resolve(event.data);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    const message = event.message || 'worker failed';
    for (const [id, waiter] of pending) {
      pending.delete(id);
      waiter.reject(new Error(message));
    }
  };
  return worker;
}

function request(worker, message) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, ...message });
  });
}

function workers(n) {
  while (pool.length < n) pool.push(spawn());
  return pool.slice(0, n);
}

// Warm up n workers (module loaded and running) before timing anything.
async function prepare(n) {
  await Promise.all(workers(n).map((w) => request(w, { op: 'ping' })));
}

// -> {output, ms, threads}: threads actually used (1 without a split).
export async function runJs(example, twin, threads) {
  const n = twin.split && threads > 1 ? threads : 1;
  await prepare(n);
  const t0 = performance.now();
  let output;
  if (n === 1) {
    output = (await request(workers(1)[0], { op: 'run', example })).output;
  } else {
    const answers = await Promise.all(workers(n).map((w, k) => request(w, { op: 'tasks', example, first: k, step: n })));
    const partials = new Array(twin.split.count());
    for (const answer of answers) {
      for (const [i, partial] of answer.partials) partials[i] = partial;
    }
    output = (await request(workers(1)[0], { op: 'finish', example, partials })).output;
  }
  return { output, ms: performance.now() - t0, threads: n };
}

export function stopJs() {
  for (const worker of pool) worker.terminate();
  pool = [];
  for (const [id, waiter] of pending) {
    pending.delete(id);
    waiter.reject(new Error('stopped'));
  }
}
