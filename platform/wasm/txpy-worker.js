// txpy-worker.js - the host thread of one txpy instance of the JS API
// (txpy.mjs starts it: a dedicated Web Worker in a browser, a
// worker_threads Worker in Node).  It instantiates the Emscripten module
// (txpy-core.js/.wasm; its pthreads are nested workers), drives embed.c,
// and talks to the page or main script by messages.
//
// Messages in:  {type:'init', workers, memoryLimitMB}
//               {type:'run', source, filename, argv, workers, stdin,
//                stats: false | true (report on stderr too) | 'data'}
//               {type:'writeFile', id, path, data} {type:'readFile', id, path}
// Messages out: {type:'ready', memory, stopAddr}  (memory: the shared
//                 WebAssembly.Memory; stopAddr: byte address of the stop flag)
//               {type:'output', fd, bytes}  (raw UTF-8, in program order)
//               {type:'done', result}  {type:'file', id, data, error}
//               {type:'fatal', message}  (the instance is unusable)
//
// Invariants: at most one run is in flight (txpy.mjs queues them); all
// output of a run is posted before its 'done'; C text written without
// the VM's output hook (the --stm-stats report, runtime messages) is
// posted after draining the queued output, so the order is kept; nothing
// here throws into Emscripten's runtime.
'use strict';
(function () {
  var isNode = typeof process == 'object' && process.versions != null &&
               typeof process.versions.node == 'string' && typeof importScripts != 'function';
  var post, onMessage, factory, coreUrl, wasmBinary;
  if (isNode) {
    var port = require('worker_threads').parentPort;
    post = function (m) { port.postMessage(m); };
    onMessage = function (fn) { port.on('message', fn); };
    factory = require('./txpy-core.js');
    // Emscripten 3.1.6 would fetch() the .wasm by path, which Node rejects.
    wasmBinary = require('fs').readFileSync(require('path').join(__dirname, 'txpy-core.wasm'));
  } else {
    post = function (m) { self.postMessage(m); };
    onMessage = function (fn) { self.onmessage = function (e) { fn(e.data); }; };
    coreUrl = new URL('txpy-core.js', self.location.href).href;
    importScripts(coreUrl);
    factory = self.createTxpyCore;
  }

  var M = null;                 // the Emscripten module
  var dead = false;
  var stdinBytes = null, stdinPos = 0;
  var statsMode = 0;            // of the run in flight: 0 none, 1 report + data, 2 data

  function fatal(message) {
    if (dead) return;
    dead = true;
    post({ type: 'fatal', message: String(message) });
  }

  function heapU8() { return new Uint8Array(M.wasmMemory.buffer); }

  function cString(ptr) {
    if (!ptr) return null;
    var h = heapU8(), end = ptr;
    while (h[end]) end++;
    return new TextDecoder().decode(h.slice(ptr, end));
  }

  // Post the output queued by embed.c, merging consecutive records of one stream.
  function drain() {
    var ptr = M._embed_take_output();
    if (!ptr) return;
    var h = heapU8();
    var total = new DataView(h.buffer, ptr, 4).getUint32(0, true);
    var p = ptr + 4, end = p + total;
    var fd = -1, parts = [];
    function flush() {
      if (!parts.length) return;
      var n = 0, i;
      for (i = 0; i < parts.length; i++) n += parts[i].length;
      var bytes = new Uint8Array(n);
      for (n = 0, i = 0; i < parts.length; i++) { bytes.set(parts[i], n); n += parts[i].length; }
      post({ type: 'output', fd: fd, bytes: bytes });
      parts = [];
    }
    while (p + 5 <= end) {
      var f = h[p];
      var len = new DataView(h.buffer, p + 1, 4).getUint32(0, true);
      if (f !== fd) { flush(); fd = f; }
      parts.push(h.slice(p + 5, p + 5 + len));
      p += 5 + len;
    }
    flush();
    M._free(ptr);
  }

  // Text that C wrote with stdio/write() rather than through the VM.
  function stdioLine(fd) {
    return function (text) {
      if (!M) return;
      drain();
      post({ type: 'output', fd: fd, bytes: new TextEncoder().encode(text + '\n') });
    };
  }

  function result(withEvents) {
    var stat = function (i) { return M._embed_result_stat(i); };
    var type = cString(M._embed_result_text(0));
    var conflicts = [];
    for (var i = 0, n = M._embed_result_conflicts(); i < n; i++) {
      conflicts.push({
        count: M._embed_result_conflict_num(i, 0),
        read: { file: cString(M._embed_result_conflict_text(i, 0)), line: M._embed_result_conflict_num(i, 1) },
        write: { file: cString(M._embed_result_conflict_text(i, 1)), line: M._embed_result_conflict_num(i, 2) },
        type: cString(M._embed_result_conflict_text(i, 2)),
      });
    }
    var stats = {
      committed: stat(0), aborted: stat(1), inevitable: stat(2),
      secondsCommitted: stat(3), secondsAborted: stat(4), secondsWaiting: stat(5),
      conflicts: conflicts,
    };
    if (withEvents) {
      // [worker, start ms, end ms, flags] per attempt, by start time
      var base = M._embed_result_events(), count = M._embed_result_event_count();
      var dv = new DataView(M.wasmMemory.buffer), recs = [];
      for (i = 0; i < count; i++) {
        var p = base + 24 * i;
        recs.push([dv.getUint32(p + 16, true), Number(dv.getBigInt64(p, true)) / 1e6,
                   Number(dv.getBigInt64(p + 8, true)) / 1e6, dv.getUint32(p + 20, true)]);
      }
      recs.sort(function (a, b) { return a[1] - b[1]; });
      var events = new Float64Array(4 * recs.length);
      recs.forEach(function (r, k) { events.set(r, 4 * k); });
      stats.events = events;
      stats.eventsDropped = M._embed_result_events_dropped();
    }
    return {
      exitCode: M._embed_result_exit_code(),
      cancelled: M._embed_result_cancelled() !== 0,
      exception: type === null ? null : {
        type: type,
        message: cString(M._embed_result_text(1)) || '',
        traceback: cString(M._embed_result_text(2)) || '',
      },
      stats: stats,
    };
  }

  function notify(kind) {
    try {
      if (kind === 1) {
        post({ type: 'ready', memory: M.wasmMemory, stopAddr: M._plat_wasm_stop_flag() });
      } else if (kind === 2) {
        fatal('txpy: the interpreter failed to initialise');
      } else if (kind === 3) {
        drain();
      } else if (kind === 4) {
        drain();
        post({ type: 'done', result: result(statsMode !== 0) });
      }
    } catch (e) {
      fatal('txpy: ' + (e && e.message || e));
    }
  }

  function mallocString(bytes) {
    var ptr = M._malloc(bytes.length + 1);
    if (!ptr) return 0;
    var h = heapU8();
    h.set(bytes, ptr);
    h[ptr + bytes.length] = 0;
    return ptr;
  }

  function startRun(msg) {
    var enc = new TextEncoder();
    var src = enc.encode(msg.source);
    var args = [];
    msg.argv.forEach(function (a) { var b = enc.encode(a); args.push(b, new Uint8Array([0])); });
    var argBytes = new Uint8Array(args.reduce(function (n, b) { return n + b.length; }, 0));
    args.reduce(function (n, b) { argBytes.set(b, n); return n + b.length; }, 0);
    stdinBytes = enc.encode(msg.stdin || '');
    stdinPos = 0;
    var pSrc = mallocString(src), pName = mallocString(enc.encode(msg.filename));
    var pArgs = M._malloc(argBytes.length || 1);
    if (!pSrc || !pName || !pArgs) {
      [pSrc, pName, pArgs].forEach(function (p) { if (p) M._free(p); });
      post({ type: 'done', result: null, error: 'out of memory' });
      return;
    }
    heapU8().set(argBytes, pArgs);
    statsMode = msg.stats === 'data' ? 2 : msg.stats ? 1 : 0;
    var r = M._embed_run(pSrc, src.length, pName, pArgs, msg.argv.length, msg.workers | 0, statsMode);
    if (r !== 0) post({ type: 'done', result: null, error: 'embed_run failed (' + r + ')' });
  }

  function fileOp(msg) {
    try {
      if (msg.type === 'writeFile') {
        var dir = msg.path.replace(/\/[^/]*$/, '');
        if (dir && dir !== msg.path) M.FS.mkdirTree(dir);
        M.FS.writeFile(msg.path, msg.data);
        post({ type: 'file', id: msg.id, data: null, error: null });
      } else {
        post({ type: 'file', id: msg.id, data: M.FS.readFile(msg.path), error: null });
      }
    } catch (e) {
      post({ type: 'file', id: msg.id, data: null, error: String(e && (e.message || e.code) || e) });
    }
  }

  function init(msg) {
    var opts = {
      poolSize: Math.max(1, msg.workers | 0),
      print: stdioLine(1),
      printErr: stdioLine(2),
      stdin: function () { return stdinBytes && stdinPos < stdinBytes.length ? stdinBytes[stdinPos++] : null; },
      onAbort: function (what) { fatal('txpy: aborted: ' + what); },
      txpyNotify: notify,
    };
    if (wasmBinary) opts.wasmBinary = wasmBinary;
    if (coreUrl) opts.mainScriptUrlOrBlob = coreUrl;
    factory(opts).then(function (mod) {
      M = mod;
      if (msg.memoryLimitMB > 0) M._plat_wasm_set_memory_limit(msg.memoryLimitMB);
      var r = M._embed_start();
      if (r !== 0) fatal('txpy: cannot start the interpreter thread (' + r + ')');
    }, function (e) {
      fatal('txpy: cannot instantiate the module: ' + (e && e.message || e));
    });
  }

  onMessage(function (msg) {
    if (dead) return;
    try {
      if (msg.type === 'init') init(msg);
      else if (msg.type === 'run') startRun(msg);
      else if (msg.type === 'writeFile' || msg.type === 'readFile') fileOp(msg);
    } catch (e) {
      fatal('txpy: ' + (e && e.message || e));
    }
  });
})();
