// helpers.mjs - shared by tests/wasm/*.test.mjs (not a test file itself):
// where the builds are, whether a test can run, and running a command
// without blocking the test runner.
//
// Invariants: every path is absolute (tests may run from any directory);
// a missing build makes the tests that need it skip with the command that
// builds it, never fail.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WASM_DIR = path.join(REPO, 'build-wasm');
export const WASI_DIR = path.join(REPO, 'build-wasi');
export const WASM_TXPY = path.join(WASM_DIR, 'txpy');
export const WASI_TXPY = path.join(WASI_DIR, 'txpy');

const BUILD = {
  [WASM_DIR]: 'emcmake cmake -S . -B build-wasm -DCMAKE_BUILD_TYPE=Release && cmake --build build-wasm -j2',
  [WASI_DIR]: 'cmake -S . -B build-wasi -DCMAKE_TOOLCHAIN_FILE=platform/wasm/wasi.cmake ' +
              '-DCMAKE_BUILD_TYPE=Release && cmake --build build-wasi -j2',
};

// false when every file exists, else a skip reason naming the build command.
export function needs(dir, ...files) {
  for (const f of files) {
    if (!fs.existsSync(path.join(dir, f))) return `no ${path.relative(REPO, path.join(dir, f))} (build it: ${BUILD[dir]})`;
  }
  return false;
}

// Run argv[0] with argv[1..] from the repository root; resolves to
// {status, stdout, stderr} (status null on a timeout or signal).
export function run(argv, { timeoutMs = 0, env = {}, input = '' } = {}) {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), {
      cwd: REPO, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out = [], err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    const timer = timeoutMs ? setTimeout(() => child.kill('SIGKILL'), timeoutMs) : null;
    child.on('close', (status) => {
      if (timer) clearTimeout(timer);
      resolve({ status, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() });
    });
    child.stdin.end(input);
  });
}

// The last lines of a long output, for assertion messages.
export function tail(text, lines = 40) {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

// The corpus runner's summary counts: {passed, failed, skipped} or null.
export function summary(text) {
  const m = /(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/.exec(text.trimEnd());
  return m ? { passed: +m[1], failed: +m[2], skipped: +(m[3] || 0) } : null;
}
