// pre-cli.js - emcc --pre-js of the Node command line (build-wasm/txpy.js),
// run on Node's main thread before the runtime starts.
//
// - Hands the runtime the .wasm bytes itself: the Emscripten 3.1.6 loader
//   would fetch() a file path, which Node 20's fetch rejects.
// - Sizes the pthread pool: main() runs on a pool worker (PROXY_TO_PTHREAD);
//   with `--workers N` or TXPY_WORKERS=N the N - 1 transaction workers are
//   started with it, in parallel with the start-up, else (most programs
//   start no thread) none is; threads beyond the pool start on demand.
// - Gives the program the host's environment (TXPY_WORKERS,
//   TXPY_MEMORY_MB, ...): Emscripten's getenv sees only its own defaults
//   plus the ENV object, filled here before main.
// - Keeps the host's descriptors 0-2 open: at exit the runtime closes
//   every stream, and with NODERAWFS that closes the process's real stdio
//   while worker threads are still shutting down; a descriptor one of them
//   opens then gets number 0-2 and libuv aborts the process when closing
//   it (SIGABRT after the program's normal end, about one run in a hundred).
// - Ctrl-C sets the interpreter's stop flag (a word of the shared memory)
//   instead of killing the process, so the program gets KeyboardInterrupt
//   as under the native build; a second Ctrl-C exits at once with 130.
//
// Invariant: none of this runs inside the pthread workers, which evaluate
// this same script (they get the compiled module from the main thread).
if (typeof process == 'object' && require('worker_threads').isMainThread) {
  (function () {
    var fs = require('fs');
    var path = require('path');
    var closeSync = fs.closeSync;
    fs.closeSync = function (fd) {
      if (typeof fd == 'number' && fd <= 2) return;
      return closeSync.apply(fs, arguments);
    };
    Module['wasmBinary'] = fs.readFileSync(path.join(__dirname, 'txpy.wasm'));

    var workers = parseInt(process.env['TXPY_WORKERS'], 10) || 0;
    var argv = process.argv.slice(2);
    for (var i = 0; i < argv.length; i++) {
      var a = argv[i];
      if (a === '-c' || a === '-' || a.charAt(0) !== '-') break;
      if (a === '--workers' && i + 1 < argv.length) workers = parseInt(argv[++i], 10) || 0;
      else if (a.indexOf('--workers=') === 0) workers = parseInt(a.slice(10), 10) || 0;
    }
    Module['poolSize'] = Math.max(1, Math.min(workers, 64));
    Module['preRun'] = [function () { Object.assign(ENV, process.env); }];

    var interrupted = false;
    process.on('SIGINT', function () {
      if (interrupted || typeof wasmMemory == 'undefined' || !Module['_plat_wasm_stop_flag']) {
        process.exit(130);
      }
      interrupted = true;
      var addr = Module['_plat_wasm_stop_flag']();
      Atomics.store(new Int32Array(wasmMemory.buffer), addr >> 2, 1);
    });
  })();
}
