#!/usr/bin/env node
// measure.mjs - the playground's figures, measured in headless Chromium
// the way a visitor gets them: how long the page takes to be ready, and
// the comparison panel's times for every example.
//
//   node web/measure.mjs [--repeat R] [--loads L] [--workers N] [--only a,b]
//                        [--quiet C]
//
// Loads the page L times (default 5) and reports the time from navigation
// to "ready" (module compiled, workers started); then, for each example,
// runs the comparison panel (txpy on 1 and N workers, the JavaScript twin
// on 1 thread and N Web Workers) in rounds and prints the best time of
// each column over R (default 3) rounds as a Markdown table, with the
// speedups.  N defaults to 2.  Needs build-wasm/ and /usr/bin/chromium
// (as the tests do).
//
// The machine may be shared.  Around each round it measures how many
// cores the page actually gets (N Web Workers each spinning the same fixed
// loop, against one: N on an idle machine, the "cores" column), and only
// rounds where that was at least C (default 1.8) both before and after
// count; after 4R rounds without R of those, every round counts and the
// row is marked "busy".  Each round's times go to stderr.
//
// Invariant: every timed run's output is checked against the 1-worker
// txpy output of the same comparison; a mismatch is reported and makes
// the exit status 1.

import os from 'node:os';
import { servePage, launchBrowser } from './tests/helpers.mjs';

function parseArgs(argv) {
  const opts = { repeat: 3, loads: 5, workers: 2, only: null, quiet: 1.8 };
  for (let i = 0; i < argv.length; i += 2) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (value === undefined) return null;
    if (name === '--only') {
      opts.only = value.split(',');
    } else if (name === '--quiet' && /^[0-9]+(\.[0-9]+)?$/.test(value)) {
      opts.quiet = Number(value);
    } else if (['--repeat', '--loads', '--workers'].includes(name) && /^[1-9][0-9]*$/.test(value)) {
      opts[name.slice(2)] = Number(value);
    } else {
      return null;
    }
  }
  return opts;
}

// The speedup N Web Workers get over one on the same fixed JS loop each
// (N x the work in the same time = N): the cores the page gets just now.
async function capacity(page, n) {
  return page.evaluate(async (count) => {
    const code = 'onmessage = () => { let x = 0; for (let i = 0; i < 1e8; i++) x = (x + i * 7) % 1000003; postMessage(x); };';
    const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
    const spin = async (k) => {
      const workers = Array.from({ length: k }, () => new Worker(url));
      // Started and compiled before the clock starts.
      await Promise.all(workers.map((w) => new Promise((resolve) => { w.onmessage = resolve; w.postMessage(0); })));
      const t0 = performance.now();
      await Promise.all(workers.map((w) => new Promise((resolve) => { w.onmessage = resolve; w.postMessage(0); })));
      const ms = performance.now() - t0;
      for (const w of workers) w.terminate();
      return ms;
    };
    const one = await spin(1);
    const many = await spin(count);
    URL.revokeObjectURL(url);
    return count * one / many;
  }, n);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => (ms === undefined ? 'n/a' : `${Math.round(ms)} ms`);
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}x` : 'n/a');

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!opts) {
    process.stderr.write('usage: node web/measure.mjs [--repeat R] [--loads L] [--workers N] [--only a,b] [--quiet C]\n');
    return 2;
  }
  const server = await servePage();
  const browser = await launchBrowser();
  let status = 0;
  try {
    const readies = [];
    for (let i = 0; i < opts.loads; i++) {
      const page = await browser.newPage();
      await page.goto(server.url);
      await page.waitForFunction(() => window.playground !== undefined);
      readies.push((await page.evaluate(() => window.playground.ready)).ms);
      await page.close();
    }
    process.stdout.write(`page ready (navigation to module compiled and workers started): median ${median(readies)} ms, `
      + `best ${Math.min(...readies)} ms, worst ${Math.max(...readies)} ms over ${readies.length} loads\n\n`);

    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(server.url);
    await page.waitForFunction(() => window.playground !== undefined);
    await page.evaluate(() => window.playground.ready);
    const examples = opts.only || await page.evaluate(() => window.playground.examples);
    const n = opts.workers;
    const idle = async () => `load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`;
    process.stdout.write(`${n} Web Workers spinning get ${(await capacity(page, n)).toFixed(2)}x the work of one done `
      + `(the cores the page gets; ${n} when idle); ${await idle()}\n\n`);
    process.stdout.write(`| example | txpy 1 worker | txpy ${n} workers | speedup | JS 1 thread | JS ${n} workers | JS speedup | txpy 1 / JS 1 | cores |\n`);
    process.stdout.write('|---|---|---|---|---|---|---|---|---|\n');
    for (const name of examples) {
      // Rounds count when the page had its n cores before and after
      // (capacity >= opts.quiet); after opts.repeat * 4 rounds without
      // enough of those, every round counts and the row says so.
      const rounds = [];
      for (let r = 0; r < opts.repeat * 4 && rounds.filter((x) => x.quiet).length < opts.repeat; r++) {
        const before = await capacity(page, n);
        const rows = await page.evaluate(async ([ex, w]) => {
          window.playground.loadExample(ex);
          window.playground.setWorkers(w);
          await new Promise((resolve) => setTimeout(resolve, 300));
          return window.playground.compare();
        }, [name, n]);
        const after = await capacity(page, n);
        for (const row of rows) {
          if (row.output !== rows[0].output) {
            process.stderr.write(`${name}: ${row.label} printed something else than ${rows[0].label}\n`);
            status = 1;
          }
        }
        const cores = Math.min(before, after);
        rounds.push({ rows, cores, quiet: cores >= opts.quiet });
        process.stderr.write(`${name} round ${r + 1}: ${rows.map((row) => `${row.label} ${Math.round(row.ms)} ms`).join(', ')}; cores ${cores.toFixed(2)}\n`);
      }
      const quiet = rounds.filter((x) => x.quiet);
      const used = quiet.length ? quiet : rounds;
      const best = {};
      for (const round of used) {
        for (const row of round.rows) best[row.label] = Math.min(best[row.label] ?? Infinity, row.ms);
      }
      const t1 = best['txpy, 1 worker'];
      const tn = best[`txpy, ${n} workers`];
      const j1 = best['JavaScript, 1 thread'];
      const jn = best[`JavaScript, ${n} workers`];
      const cores = `${Math.min(...used.map((x) => x.cores)).toFixed(2)}${quiet.length ? '' : ' (busy)'}`;
      process.stdout.write(`| ${name} | ${fmt(t1)} | ${fmt(tn)} | ${ratio(t1, tn)} | ${fmt(j1)} | ${fmt(jn)} | ${ratio(j1, jn)} | ${ratio(t1, j1)} | ${cores} |\n`);
    }
    process.stdout.write(`\n${await idle()}\n`);
  } finally {
    await browser.close();
    await server.close();
  }
  return status;
}

main().then((code) => { process.exitCode = code; }, (err) => {
  process.stderr.write(`measure: ${err && err.stack ? err.stack : err}\n`);
  process.exitCode = 1;
});
