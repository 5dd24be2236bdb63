// engine.js - what runs the Python programs for the page: txpy's JS API
// (build-wasm, Emscripten pthreads on Web Workers sharing memory) when the
// page is cross-origin isolated, else the WASI build on one Web Worker.
//
// An engine is {kind, maxWorkers, run(source, {workers, stdout, stderr}),
// stop()}; run resolves (never rejects) to
//   {exitCode, cancelled, exception: {type, message, traceback} | null,
//    stats: {committed, aborted, inevitable, secondsCommitted,
//            secondsAborted, secondsWaiting, conflicts: [...],
//            events: Float64Array of [worker, start ms, end ms, flags]...,
//            eventsDropped} | null,
//    ms}
// where exitCode is null if the engine itself failed (message in
// exception, type EngineError).  stop() ends the current run within about
// a second: the shared stop flag first (KeyboardInterrupt in the
// program), then, if the run is still going, the engine's workers are
// terminated (by the JS API, after STOP_GRACE_MS) and a fresh instance is
// made for the next run.
//
// Invariants: at most one run at a time per engine (the page queues
// nothing: its Run button is disabled while a run is going); statistics
// come as data only (stmStats: 'data'), never as report lines in stderr;
// output callbacks get text in program order.

export const PROGRAM_NAME = 'main.py';
const STOP_GRACE_MS = 600;

function engineFailure(message) {
  return { exitCode: null, cancelled: false, exception: { type: 'EngineError', message, traceback: '' }, stats: null, ms: 0 };
}

// ---- txpy (build-wasm) ----

async function createStmEngine(maxWorkers, onLaunched) {
  const url = new URL('txpy/txpy.mjs', document.baseURI).href;
  const api = await import(url);
  const instance = () => api.createTxpy({ workers: maxWorkers, cancelTimeoutMs: STOP_GRACE_MS });
  const first = instance();
  onLaunched();
  let vm = await first;
  let replacement = null; // a new instance being made after the last one died
  let running = false;

  async function run(source, { workers, stdout, stderr }) {
    if (replacement) {
      try {
        vm = await replacement;
      } catch (err) {
        return engineFailure(`txpy could not be restarted: ${err && err.message ? err.message : err}`);
      } finally {
        replacement = null;
      }
    }
    const t0 = performance.now();
    running = true;
    const r = await vm.run(source, { workers, filename: PROGRAM_NAME, stmStats: 'data', stdout, stderr });
    running = false;
    const ms = performance.now() - t0;
    // A terminated instance (a stop that the flag did not bring about, or
    // a crash) is replaced for the next run; a live one starts each run
    // from a fresh interpreter state (the JS API's invariant).
    if (!vm.alive) replacement = instance();
    let exception = r.exception || null;
    if (r.exitCode === null && !r.cancelled) exception = engineFailure(r.error || 'txpy failed').exception;
    return { exitCode: r.exitCode, cancelled: !!r.cancelled, exception, stats: r.stats || null, ms };
  }

  function stop() {
    if (running) vm.cancel();
  }

  return { kind: 'stm', maxWorkers, run, stop };
}

// ---- the WASI build on one worker (no SharedArrayBuffer) ----

async function createWasiEngine() {
  const wasmUrl = new URL('txpy-wasi/txpy.wasm', document.baseURI).href;
  const response = await fetch(wasmUrl);
  if (!response.ok) throw new Error(`${wasmUrl}: HTTP ${response.status}`);
  const module = await WebAssembly.compile(await response.arrayBuffer());
  const workerUrl = new URL('./wasi-worker.js', import.meta.url);
  let current = null;     // {worker, finish(result)}

  function run(source, { stdout, stderr }) {
    const t0 = performance.now();
    return new Promise((resolve) => {
      const worker = new Worker(workerUrl, { type: 'module' });
      const finish = (r) => {
        worker.terminate();
        current = null;
        resolve({ ...r, stats: null, ms: performance.now() - t0 });
      };
      current = { worker, finish };
      worker.onmessage = (event) => {
        const msg = event.data;
        if (msg.out === 1) stdout(msg.text);
        else if (msg.out === 2) stderr(msg.text);
        else if (msg.error !== undefined) finish(engineFailure(msg.error));
        else finish({ exitCode: msg.exitCode, cancelled: false, exception: null });
      };
      worker.onerror = (event) => {
        event.preventDefault();
        finish(engineFailure(event.message || 'the WASI worker failed'));
      };
      worker.postMessage({ module, source });
    });
  }

  function stop() {
    if (current) {
      current.finish({ exitCode: 130, cancelled: true, exception: { type: 'KeyboardInterrupt', message: 'stopped', traceback: '' } });
    }
  }

  return { kind: 'wasi', maxWorkers: 1, run, stop };
}

// Whether this page can share memory with its workers.
export function isolationProblem() {
  if (!self.crossOriginIsolated) {
    return 'the page is not cross-origin isolated (it needs the COOP and COEP headers that web/serve.mjs sends), so it gets no SharedArrayBuffer';
  }
  if (typeof SharedArrayBuffer === 'undefined') {
    return 'this browser gives the page no SharedArrayBuffer';
  }
  return null;
}

// -> {engine, fallbackReason}; throws with a readable message when no
// engine can be had.  The WASI build stands in when the page cannot share
// memory, and also when the multi-worker build cannot be loaded.
// onLaunched() is called once, as soon as the engine's own threads are
// starting (or it is known that they will not be): from then on the
// page's thread may be busy without delaying the start.
export async function createEngine(maxWorkers, onLaunched = () => {}) {
  let launched = false;
  const launch = () => {
    if (!launched) {
      launched = true;
      onLaunched();
    }
  };
  let problem = isolationProblem();
  try {
    if (!problem) {
      try {
        return { engine: await createStmEngine(maxWorkers, launch), fallbackReason: null };
      } catch (err) {
        problem = `txpy's multi-worker build could not be loaded from ${new URL('txpy/txpy.mjs', document.baseURI).href} `
          + `(${err && err.message ? err.message : err}; build it with tools/build.sh wasm)`;
      }
    }
    const wasi = createWasiEngine();
    launch();
    try {
      return { engine: await wasi, fallbackReason: problem };
    } catch (err) {
      throw new Error(`${problem}, and the one-worker fallback (build-wasi/txpy.wasm) could not be loaded either: ${err && err.message ? err.message : err}`);
    }
  } finally {
    launch();
  }
}
