// corpus.test.mjs - the whole tests/py corpus under both WebAssembly
// launchers, with the same CPython oracle (and cache) as the native runner
// (tests/run_py_tests.py), plus the command-line checks of tests/cli.
//
// Everything that passes natively must pass here: the skip lists are
// tests/py/skip-native.txt plus tests/py/skip-wasm.txt (Emscripten) or
// tests/py/skip-wasi.txt (WASI), each entry with its reason.  The one
// command-line check allowed to fail is the WASI build's
// contention_managed (that build has no STM: transactions run serially and
// none is counted as committed) and sigint_parallel_run (node:wasi has no
// SIGINT handling: Node dies of the signal).
//
// The launchers run with V8's baseline compiler (TXPY_WASM_LIFTOFF=1):
// half the start-up time of TurboFan, which matters for some 650 short
// programs per build, and the same semantics.  About 3 minutes per build
// on two idle cores.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { needs, run, summary, tail, WASM_DIR, WASI_DIR, WASM_TXPY, WASI_TXPY } from './helpers.mjs';

const ENV = { TXPY_WASM_LIFTOFF: '1' };
const BUILDS = [
  { name: 'emscripten', dir: WASM_DIR, launcher: WASM_TXPY, skip: 'tests/py/skip-wasm.txt', cliMayFail: [] },
  { name: 'wasi', dir: WASI_DIR, launcher: WASI_TXPY, skip: 'tests/py/skip-wasi.txt',
    cliMayFail: ['contention_managed', 'sigint_parallel_run'] },
];

for (const b of BUILDS) {
  const missing = needs(b.dir, 'txpy', 'txpy.wasm');

  test(`tests/py under ${b.name} (${b.launcher})`, { skip: missing, timeout: 30 * 60 * 1000 }, async () => {
    const t0 = performance.now();
    const r = await run(['python3', 'tests/run_py_tests.py', '--interp', b.launcher, '--jobs', '2',
                         '--timeout', '60', '--skip-file', 'tests/py/skip-native.txt', '--skip-file', b.skip],
                        { env: ENV });
    const s = summary(r.stdout);
    assert.ok(s, 'no summary line:\n' + tail(r.stdout + r.stderr));
    console.log(`tests/py ${b.name}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped ` +
                `in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    assert.equal(s.failed, 0, tail(r.stdout));
    assert.equal(r.status, 0, tail(r.stdout + r.stderr));
  });

  test(`tests/cli under ${b.name}`, { skip: missing, timeout: 10 * 60 * 1000 }, async () => {
    const r = await run(['python3', 'tests/cli/test_cli.py', '--interp', b.launcher, '--timeout', '60'], { env: ENV });
    const m = /(\d+) passed, (\d+) failed\s*$/.exec(r.stdout);
    assert.ok(m, 'no summary line:\n' + tail(r.stdout + r.stderr));
    const failed = [...r.stdout.matchAll(/^FAIL (\S+):/gm)].map((f) => f[1]);
    const unexpected = failed.filter((f) => !b.cliMayFail.includes(f));
    console.log(`tests/cli ${b.name}: ${m[1]} passed, ${m[2]} failed` +
                (failed.length ? ` (${failed.join(', ')})` : ''));
    assert.deepEqual(unexpected, [], tail(r.stdout + r.stderr));
    assert.equal(Number(m[2]), failed.length, tail(r.stdout));
  });
}
