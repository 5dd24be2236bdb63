#!/bin/sh
# setup.sh - install what building and testing txpy needs on Debian 12, as root.
# Idempotent: installs only the Debian packages that are missing, then the npm
# packages of package.json (npm ci, from package-lock.json).
set -eu
cd "$(dirname "$0")/.."

PKGS="cmake make gcc g++ python3 git ca-certificates clang lld
      emscripten binaryen wabt wasi-libc libclang-rt-14-dev libclang-rt-14-dev-wasm32
      chromium nodejs npm"
missing=""
for p in $PKGS; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
# Node.js may come from elsewhere than Debian (e.g. nodesource): accept any node >= 18
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
    missing=$(echo "$missing" | tr ' ' '\n' | grep -v -x -e nodejs -e npm | tr '\n' ' ')
fi
missing=$(echo "$missing" | xargs)
if [ -n "$missing" ]; then
    echo "setup: installing Debian packages: $missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
fi

if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "setup: installing npm packages"
    npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
fi
