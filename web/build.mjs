#!/usr/bin/env node
// build.mjs - bundles the playground into web/dist with esbuild.
//
//   node web/build.mjs [--dev]
//
// web/src/boot.js (starts txpy at once, then loads app.js) -> dist/boot.js;
// web/src/main.js (the page: CodeMirror 6 editor, examples, panels;
// imports boot.js by URL) -> dist/app.js; web/src/js-worker.js (the JavaScript twins on Web Workers)
// -> dist/js-worker.js; web/src/wasi-worker.js (the one-worker fallback
// without SharedArrayBuffer) -> dist/wasi-worker.js; index.html and
// style.css are copied.  The examples (web/examples/*.py) are bundled as
// text, the twins (web/twins, bench/js) as modules.  --dev keeps the
// bundles unminified.
//
// Invariants: the output directory holds only what this script wrote (it is emptied
// first); the txpy JS API is not bundled (the page imports /txpy/txpy.mjs,
// served from build-wasm/, at run time); a failed build exits non-zero
// with esbuild's messages.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const WEB_DIR = path.dirname(fileURLToPath(import.meta.url));
const SRC = path.join(WEB_DIR, 'src');
const DIST = path.join(WEB_DIR, 'dist');

// Bundle into outDir (default web/dist; the tests use a directory of their
// own, so that concurrent builds never share one); resolves to outDir.
export async function build({ dev = false, outDir = DIST } = {}) {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  await esbuild.build({
    entryPoints: {
      boot: path.join(SRC, 'boot.js'),
      app: path.join(SRC, 'main.js'),
      'js-worker': path.join(SRC, 'js-worker.js'),
      'wasi-worker': path.join(SRC, 'wasi-worker.js'),
    },
    outdir: outDir,
    bundle: true,
    format: 'esm',
    // boot.js and app.js import each other by URL: one instance of each
    // module, and boot.js does not wait for app.js's code.
    external: ['./boot.js', './app.js'],
    target: ['chrome100', 'firefox100', 'safari15'],
    minify: !dev,
    sourcemap: dev ? 'inline' : false,
    loader: { '.py': 'text' },
    logLevel: 'warning',
  });
  for (const file of ['index.html', 'style.css']) {
    fs.copyFileSync(path.join(SRC, file), path.join(outDir, file));
  }
  return outDir;
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args.some((a) => a !== '--dev')) {
    process.stderr.write('usage: node web/build.mjs [--dev]\n');
    process.exitCode = 2;
  } else {
    build({ dev: args.includes('--dev') }).then(
      (dir) => process.stdout.write(`built ${path.relative(process.cwd(), dir) || dir}\n`),
      () => { process.exitCode = 1; },
    );
  }
}
