#!/usr/bin/env node
// txpy-wasi.js - installed as build-wasi/txpy: the txpy command line
// running build-wasi/txpy.wasm under Node's WASI (preview 1), with the
// same options as the native build (platform/native/main.c).
//
// The program sees the host's whole file system ("/" preopened as "/")
// and starts in the host's working directory (PWD, see plat_wasi.c), with
// the host's environment and standard streams.  The module runs on a
// worker thread with a large native stack, so deep recursion in C ends in
// txpy's RecursionError rather than in V8's stack limit; the launcher exits
// with the program's status, or 70 with a message if the module traps.
// Like build-wasm/txpy it compiles with TurboFan only (see
// txpy-launcher.js; TXPY_WASM_LIFTOFF=1 keeps V8's baseline tier).
'use strict';
const path = require('path');
const fs = require('fs');
const { Worker, isMainThread, workerData, parentPort } = require('worker_threads');

// Node prints an ExperimentalWarning when WASI is first used: not ours to show.
const emitWarning = process.emitWarning;
process.emitWarning = function (warning, ...rest) {
  const text = typeof warning === 'string' ? warning : String(warning && warning.message);
  if (text.includes('WASI')) return;
  return emitWarning.call(process, warning, ...rest);
};

const STACK_MB = 64;

if (isMainThread) {
  if (!process.env.TXPY_WASM_LIFTOFF) require('v8').setFlagsFromString('--no-liftoff');
  const worker = new Worker(__filename, {
    workerData: { args: process.argv.slice(2), cwd: process.cwd() },
    resourceLimits: { stackSizeMb: STACK_MB },
    stdin: false, stdout: false, stderr: false,
  });
  worker.on('message', (msg) => { process.exitCode = msg.status; });
  worker.on('error', (err) => {
    fs.writeSync(2, 'txpy: internal error: ' + (err && err.message || err) + '\n');
    process.exitCode = 70;
  });
} else {
  const { WASI } = require('wasi');
  const wasi = new WASI({
    version: 'preview1',
    args: ['txpy', ...workerData.args],
    env: Object.assign({}, process.env, { PWD: workerData.cwd }),
    preopens: { '/': '/' },
    returnOnExit: true,
  });
  // Node 20 may otherwise collect the WASI object while the module runs
  // (a GC inside fd_write destroys it and aborts the process).
  globalThis[Symbol.for('txpy.wasi')] = wasi;
  // Node 20's fast calls from wasm into its WASI functions crash after the
  // memory has grown (SIGSEGV/SIGBUS): call them through plain JS functions.
  const viaJs = (imports) => {
    const direct = imports.wasi_snapshot_preview1, wrapped = {};
    for (const name of Object.keys(direct)) {
      const fn = direct[name];
      wrapped[name] = function () { return fn.apply(null, arguments); };
    }
    return wrapped;
  };
  let status;
  try {
    const module = new WebAssembly.Module(fs.readFileSync(path.join(__dirname, 'txpy.wasm')));
    const instance = new WebAssembly.Instance(module, { wasi_snapshot_preview1: viaJs(wasi.getImportObject()) });
    status = wasi.start(instance);
  } catch (err) {
    fs.writeSync(2, 'txpy: internal error: ' + (err && err.message || err) + '\n');
    status = 70;
  }
  parentPort.postMessage({ status: status });
}
