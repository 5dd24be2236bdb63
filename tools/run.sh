#!/bin/sh
# run.sh - install what is missing, build, and run txpy's main job: the browser
# playground.  Builds the native CLI, the Emscripten build (build-wasm/: the
# page's interpreter, its workers are Web Workers) and the WASI build
# (build-wasi/: the one-worker fallback), bundles the page and serves it with
# the cross-origin-isolation headers; the URL is printed (default
# http://127.0.0.1:8000/; arguments go to web/serve.mjs, e.g. --port 9000).
set -eu
cd "$(dirname "$0")/.."
tools/setup.sh
export NODE_PATH=/usr/share/nodejs
tools/build.sh native wasm wasi
echo "--- the command line: examples/primes.py on every core"
build/txpy --stm-stats examples/primes.py
echo "--- the playground (Ctrl-C stops the server)"
exec node web/serve.mjs "$@"
