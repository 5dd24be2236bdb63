#!/bin/sh
# build.sh [native|asan|tsan|nostm|wasm|wasi|all]... - configure and build txpy
# variants (default: native).  Build directories: build/ (release), build-asan/
# (AddressSanitizer + UBSan), build-tsan/ (ThreadSanitizer, STM stress tests),
# build-nostm/ (STM compiled out), build-wasm/ (Emscripten), build-wasi/ (WASI).
set -eu
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
J=-j2

build() {
    case "$1" in
    native) cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
            cmake --build build $J ;;
    asan)   cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DTXPY_SANITIZE="address;undefined" >/dev/null
            cmake --build build-asan $J --target txpy ;;
    tsan)   cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTXPY_SANITIZE=thread >/dev/null
            cmake --build build-tsan $J --target test_stm ;;
    nostm)  cmake -S . -B build-nostm -DCMAKE_BUILD_TYPE=Release -DTXPY_STM=OFF >/dev/null
            cmake --build build-nostm $J --target txpy ;;
    wasm)   emcmake cmake -S . -B build-wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
            cmake --build build-wasm $J ;;
    wasi)   cmake -S . -B build-wasi -DCMAKE_TOOLCHAIN_FILE=platform/wasm/wasi.cmake -DCMAKE_BUILD_TYPE=Release >/dev/null
            cmake --build build-wasi $J ;;
    all)    for v in native asan tsan nostm wasm wasi; do build "$v"; done ;;
    *)      echo "build.sh: unknown variant '$1'" >&2; exit 2 ;;
    esac
}
[ $# -eq 0 ] && set -- native
for v in "$@"; do build "$v"; done
