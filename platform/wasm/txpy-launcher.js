#!/usr/bin/env node
// txpy-launcher.js - installed as build-wasm/txpy: the txpy command line
// running the Emscripten build under Node (`build-wasm/txpy --workers 2
// prog.py`, `-c`, `-`, `--stm-stats`: the native CLI of
// platform/native/main.c).  txpy.js reads process.argv itself and exits
// with the program's status; see pre-cli.js for what it sets up first.
//
// V8 runs a wasm function in the tier it was entered with: the
// interpreter's loop is entered once and runs the whole program, so it
// must start optimized.  Hence --no-liftoff (functions are compiled by
// TurboFan on first call: ~0.2 s more start-up, ~2.5x faster loops);
// TXPY_WASM_LIFTOFF=1 keeps the baseline tier for quick start-ups.
'use strict';
if (!process.env.TXPY_WASM_LIFTOFF) require('v8').setFlagsFromString('--no-liftoff');
require('./txpy.js');
