#!/bin/sh
# run.sh - install what is missing, build, and run txpy's main job.
# Until the browser playground lands this is the command-line demo: the same
# transaction-module program on 1 worker and on every core, with its output
# (identical) and timings.
set -eu
cd "$(dirname "$0")/.."
tools/setup.sh
tools/build.sh native
echo "--- examples/primes.py on 1 worker"
build/txpy --workers 1 examples/primes.py
echo "--- examples/primes.py on all cores, with STM statistics"
build/txpy --stm-stats examples/primes.py
