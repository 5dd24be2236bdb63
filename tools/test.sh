#!/bin/sh
# test.sh - install what is missing, build every variant and run the whole test
# suite: unit tests, the CPython-checked corpus, the transaction and thread corpora
# at 1/2/4/8 workers, the same under AddressSanitizer+UBSan and with the STM
# compiled out, the STM stress tests under ThreadSanitizer, the wasm builds under
# Node and the browser playground in headless Chromium.  Exits non-zero if any
# stage fails; prints a summary with the time of each stage.
set -u
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export NODE_PATH=/usr/share/nodejs
PY=python3
RUNNER="$PY tests/run_py_tests.py"
fails=""
summary=""

stage() {   # stage NAME COMMAND...
    name=$1; shift
    echo "=== $name"
    t0=$(date +%s)
    if "$@"; then st=ok; else st=FAILED; fails="$fails $name"; fi
    t1=$(date +%s)
    summary="$summary
  $(printf '%-28s %-7s %4ss' "$name" "$st" $((t1 - t0)))"
}

tools/setup.sh || { echo "test.sh: setup failed" >&2; exit 1; }

stage build-native    tools/build.sh native
stage ctest-native    sh -c 'cd build && ctest --output-on-failure'
stage build-asan      tools/build.sh asan
stage corpus-asan     $RUNNER --interp "$ROOT/build-asan/txpy" --jobs 2 --timeout 60 --skip-file tests/py/skip-native.txt
stage txn-asan        $RUNNER --interp "$ROOT/build-asan/txpy" --root tests/txn --oracle-pythonpath reference --workers 1,2,4 --repeat 1 --jobs 2 --timeout 120
stage threads-asan    $RUNNER --interp "$ROOT/build-asan/txpy" --root tests/threads --oracle-pythonpath reference --workers 1,2,4 --repeat 1 --jobs 2 --timeout 120
stage build-tsan      tools/build.sh tsan
stage stm-tsan        sh -c 'build-tsan/test_stm && build-tsan/test_stm nohook'
stage build-nostm     tools/build.sh nostm
stage corpus-nostm    $RUNNER --interp "$ROOT/build-nostm/txpy" --jobs 2 --skip-file tests/py/skip-native.txt
stage txn-nostm       $RUNNER --interp "$ROOT/build-nostm/txpy" --root tests/txn --oracle-pythonpath reference --workers 1,2 --repeat 1 --jobs 2
stage threads-nostm   $RUNNER --interp "$ROOT/build-nostm/txpy" --root tests/threads --oracle-pythonpath reference --workers 1,2 --repeat 1 --jobs 2
if [ -f platform/wasm/wasm.cmake ]; then
    stage build-wasm  tools/build.sh wasm
    stage build-wasi  tools/build.sh wasi
    stage tests-wasm  node --test tests/wasm
fi
if [ -d web/tests ]; then
    stage tests-web   node --test web/tests
fi

echo
echo "=== summary$summary"
if [ -n "$fails" ]; then
    echo "FAILED:$fails"
    exit 1
fi
echo "all stages passed"
