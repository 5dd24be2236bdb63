// txn.test.mjs - the transaction corpus (tests/txn) and the thread corpus
// (tests/threads) under the Emscripten build at 1, 2 and 4 workers (real
// parallel Web Workers on one shared heap), against CPython with the serial
// reference module (reference/transaction.py); and tests/txn under the
// single-threaded WASI build, where transactions run serially (skipping,
// per tests/wasm/skip-txn-wasi.txt, the program that starts threads).
//
// Each program runs once per worker count (--repeat 1: the `# repeat: K`
// lines hunt for rare interleavings, which the native runs do with the
// same STM code; here they would triple the time), with V8's baseline
// compiler as in corpus.test.mjs.  About 3 minutes on two idle cores.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { needs, run, summary, tail, WASM_DIR, WASI_DIR, WASM_TXPY, WASI_TXPY } from './helpers.mjs';

function corpus(root, launcher, workers, skips = []) {
  return run(['python3', 'tests/run_py_tests.py', '--root', root, '--oracle-pythonpath', 'reference',
              '--interp', launcher, '--workers', workers, '--repeat', '1', '--jobs', '2', '--timeout', '60',
              ...skips.flatMap((f) => ['--skip-file', f])],
             { env: { TXPY_WASM_LIFTOFF: '1' } });
}

function check(r, what) {
  const s = summary(r.stdout);
  assert.ok(s, 'no summary line:\n' + tail(r.stdout + r.stderr));
  console.log(`${what}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
  assert.equal(s.failed, 0, tail(r.stdout));
  assert.equal(r.status, 0, tail(r.stdout + r.stderr));
}

const em = needs(WASM_DIR, 'txpy', 'txpy.wasm');

test('tests/txn under emscripten at 1, 2, 4 workers', { skip: em, timeout: 20 * 60 * 1000 }, async () => {
  check(await corpus('tests/txn', WASM_TXPY, '1,2,4'), 'txn emscripten');
});

test('tests/threads under emscripten at 1, 2, 4 workers', { skip: em, timeout: 20 * 60 * 1000 }, async () => {
  check(await corpus('tests/threads', WASM_TXPY, '1,2,4'), 'threads emscripten');
});

test('tests/txn under wasi (serial)', { skip: needs(WASI_DIR, 'txpy', 'txpy.wasm'), timeout: 20 * 60 * 1000 },
  async () => {
    check(await corpus('tests/txn', WASI_TXPY, '1', ['tests/wasm/skip-txn-wasi.txt']), 'txn wasi');
  });
