// txpy.mjs - the JavaScript API of txpy's WebAssembly build, one ES module
// for Node and browsers alike:
//
//   import { createTxpy } from './txpy.mjs';
//   const vm = await createTxpy({ workers: 2 });
//   // createTxpy options: workers (the pool: the most a run may use;
//   //   default the number of cores), cancelTimeoutMs (5000; 0 never
//   //   terminates), memoryLimitMB (MemoryError beyond it; default and
//   //   maximum 7/8 of the 2 GiB the heap may grow to)
//   const r = await vm.run(source, { stdout: s => ..., stderr: s => ... });
//   // r = { exitCode, exception: null | { type, message, traceback },
//   //       cancelled, stats, stdout, stderr (the text, when no callback
//   //       took it), error }
//   // stats = { committed, aborted, inevitable, secondsCommitted,
//   //   secondsAborted, secondsWaiting, conflicts: [{ count, type,
//   //   read: {file, line}, write: {file, line} }] (top ten sites),
//   //   and with stmStats: events (Float64Array of [worker, start ms,
//   //   end ms, flags] per transaction attempt, flags 1 committed,
//   //   2 inevitable, 4 thread slice), eventsDropped }
//   // run options: filename ('<string>'), args (sys.argv[1:]), workers,
//   //   stdin (text), stmStats (true: also the --stm-stats report on
//   //   stderr; 'data': figures only), stdout/stderr callbacks, signal
//   //   (an AbortSignal that cancels), timeoutMs (cancel after).
//   vm.cancel();        // the running program gets KeyboardInterrupt
//   await vm.writeFile('data.txt', 'text'); await vm.readFile('out.txt');
//   vm.terminate();
//
// Each instance is one interpreter on its own thread (txpy-worker.js, which
// loads txpy-core.js/.wasm from this module's directory); Python threads
// and transaction workers are further workers sharing its memory.  In a
// browser the page must be cross-origin isolated (COOP: same-origin, COEP:
// require-corp) for SharedArrayBuffer: createTxpy rejects otherwise.
//
// Invariants: run() never rejects and never throws: failures are values
// (`error` is a message, `exitCode` null, when the instance itself failed;
// a Python exception is an ordinary result with exitCode 1).  Runs on one
// instance are serialised in call order and each starts from a fresh
// interpreter state (modules are imported anew).  cancel() sets a word of
// the shared memory that the interpreter polls; if the program has not
// stopped `cancelTimeoutMs` later, the instance is terminated (its run
// resolves with `error` set and `cancelled` true).

const isNode = typeof process === 'object' && process.versions != null &&
  typeof process.versions.node === 'string' && typeof window === 'undefined' &&
  typeof importScripts !== 'function';

async function startHost() {
  const url = new URL('./txpy-worker.js', import.meta.url);
  if (isNode) {
    const { Worker } = await import('node:worker_threads');
    const { fileURLToPath } = await import('node:url');
    const w = new Worker(fileURLToPath(url));
    return {
      post: (m) => w.postMessage(m),
      on: (onMsg, onErr) => {
        w.on('message', onMsg);
        w.on('error', (e) => onErr(e && e.message || String(e)));
        w.on('exit', (code) => onErr('txpy: host thread exited (' + code + ')'));
      },
      busy: (yes) => (yes ? w.ref() : w.unref()),
      terminate: () => w.terminate(),
    };
  }
  if (typeof crossOriginIsolated !== 'undefined' && !crossOriginIsolated) {
    throw new Error('txpy needs SharedArrayBuffer: serve the page with the headers ' +
      '"Cross-Origin-Opener-Policy: same-origin" and "Cross-Origin-Embedder-Policy: require-corp"');
  }
  const w = new Worker(url);
  return {
    post: (m) => w.postMessage(m),
    on: (onMsg, onErr) => {
      w.onmessage = (e) => onMsg(e.data);
      w.onerror = (e) => { e.preventDefault(); onErr(e.message || 'txpy: worker error'); };
    },
    busy: () => {},
    terminate: () => w.terminate(),
  };
}

function defaultWorkers() {
  if (typeof navigator !== 'undefined' && navigator.hardwareConcurrency) return navigator.hardwareConcurrency;
  return 2;
}

class Txpy {
  #host; #memory = null; #stopAddr = 0; #dead = null;
  #queue = Promise.resolve(); #current = null; #files = new Map(); #fileId = 0;
  #cancelTimeoutMs;

  #memoryLimitMB;

  constructor(host, workers, cancelTimeoutMs, memoryLimitMB) {
    this.#host = host;
    this.workers = workers;
    this.#cancelTimeoutMs = cancelTimeoutMs;
    this.#memoryLimitMB = memoryLimitMB;
  }

  // Resolves when the interpreter is initialised; rejects if it cannot be.
  _start() {
    return new Promise((resolve, reject) => {
      this.#host.on((msg) => {
        if (msg.type === 'ready') {
          this.#memory = msg.memory;
          this.#stopAddr = msg.stopAddr;
          this.#host.busy(false);
          resolve(this);
        } else if (msg.type === 'fatal') {
          this.#die(msg.message);
          reject(new Error(msg.message));
        } else {
          this.#onMessage(msg);
        }
      }, (message) => {
        if (!this.#dead) reject(new Error(message));
        this.#die(message);
      });
      this.#host.post({ type: 'init', workers: this.workers, memoryLimitMB: this.#memoryLimitMB });
    });
  }

  #die(message) {
    if (this.#dead) return;
    this.#dead = message;
    this.#host.terminate();
    const cur = this.#current;
    if (cur) cur.finish(null, message);
    for (const [, f] of this.#files) f.resolve({ data: null, error: message });
    this.#files.clear();
  }

  #onMessage(msg) {
    const cur = this.#current;
    if (msg.type === 'output') {
      if (cur) cur.output(msg.fd, msg.bytes);
    } else if (msg.type === 'done') {
      if (cur) cur.finish(msg.result, msg.error || null);
    } else if (msg.type === 'file') {
      const f = this.#files.get(msg.id);
      this.#files.delete(msg.id);
      if (f) f.resolve(msg);
    }
  }

  // Run a program; see the top of this file for options and the result.
  run(source, options = {}) {
    const p = this.#queue.then(() => this.#runNow(String(source), options));
    this.#queue = p;
    return p;
  }

  #runNow(source, o) {
    return new Promise((resolve) => {
      const decoders = [null, new TextDecoder(), new TextDecoder()];
      const texts = [null, [], []];
      const sinks = [null, o.stdout, o.stderr];
      const emit = (fd, text) => {
        if (!text) return;
        if (typeof sinks[fd] === 'function') {
          try { sinks[fd](text); } catch (e) { /* a callback's error is its own */ }
        } else {
          texts[fd].push(text);
        }
      };
      let timer = null;
      let cancelRequested = false;
      const onAbort = () => this.cancel();
      const run = {
        output: (fd, bytes) => { if (fd === 1 || fd === 2) emit(fd, decoders[fd].decode(bytes, { stream: true })); },
        finish: (result, error) => {
          emit(1, decoders[1].decode());
          emit(2, decoders[2].decode());
          if (timer) clearTimeout(timer);
          if (o.signal) o.signal.removeEventListener('abort', onAbort);
          this.#current = null;
          if (!this.#dead) this.#host.busy(false);
          const r = result || {
            exitCode: null, exception: null, cancelled: cancelRequested,
            stats: null,
          };
          r.error = error;
          r.stdout = texts[1].join('');
          r.stderr = texts[2].join('');
          resolve(r);
        },
        cancelled: () => { cancelRequested = true; },
      };
      if (this.#dead) {
        run.finish(null, this.#dead);
        return;
      }
      this.#current = run;
      this.#host.busy(true);
      if (o.signal) {
        if (o.signal.aborted) queueMicrotask(onAbort);
        else o.signal.addEventListener('abort', onAbort, { once: true });
      }
      if (o.timeoutMs > 0) timer = setTimeout(() => this.cancel(), o.timeoutMs);
      const filename = o.filename || '<string>';
      this.#host.post({
        type: 'run', source, filename,
        argv: [o.filename || '-c', ...(o.args || []).map(String)],
        workers: o.workers || this.workers, stdin: o.stdin || '',
        stats: o.stmStats === 'data' ? 'data' : !!o.stmStats,
      });
    });
  }

  // Ask the running program to stop (KeyboardInterrupt at its next check);
  // terminate the instance if it has not stopped cancelTimeoutMs later.
  cancel() {
    const cur = this.#current;
    if (!cur || this.#dead || !this.#memory) return false;
    cur.cancelled();
    Atomics.store(new Int32Array(this.#memory.buffer), this.#stopAddr >> 2, 1);
    if (this.#cancelTimeoutMs > 0) {
      setTimeout(() => {
        if (this.#current === cur) this.#die('txpy: terminated: the program did not stop after cancel()');
      }, this.#cancelTimeoutMs);
    }
    return true;
  }

  #fileOp(msg) {
    if (this.#dead) return Promise.resolve({ data: null, error: this.#dead });
    const id = ++this.#fileId;
    return new Promise((resolve) => {
      this.#files.set(id, { resolve });
      this.#host.post({ ...msg, id });
    });
  }

  // Files live in the instance's in-memory file system (cwd is "/").
  // Both resolve to { data, error } rather than throwing.
  writeFile(path, data) {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(data);
    return this.#fileOp({ type: 'writeFile', path: String(path), data: bytes });
  }

  readFile(path) {
    return this.#fileOp({ type: 'readFile', path: String(path) });
  }

  get alive() { return !this.#dead; }

  terminate() { this.#die('txpy: instance terminated'); }
}

export async function createTxpy(options = {}) {
  const workers = Math.max(1, Math.min(64, options.workers | 0 || defaultWorkers()));
  const cancelTimeoutMs = options.cancelTimeoutMs === undefined ? 5000 : options.cancelTimeoutMs;
  const memoryLimitMB = Math.max(0, Number(options.memoryLimitMB) || 0);
  const vm = new Txpy(await startHost(), workers, cancelTimeoutMs, memoryLimitMB);
  return vm._start();
}

export default createTxpy;
