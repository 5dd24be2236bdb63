// helpers.mjs - shared by the playground's tests: a server on a free port
// serving a fresh build of the page (in a directory of its own), headless
// Debian Chromium driven by playwright-core, CPython with the serial
// reference module, and the screenshot directory.
//
// Invariants: never downloads a browser (the system's /usr/bin/chromium
// only); every server, browser and temporary directory made here is
// closed by the returned close(); screenshots go to tests/artifacts/web/
// (git-ignored).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from '../build.mjs';
import { startServer, defaultRoutes } from '../serve.mjs';

export const WEB_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const REPO = path.dirname(WEB_DIR);
export const ARTIFACTS = path.join(REPO, 'tests', 'artifacts', 'web');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];

export const haveWasmBuild = () => fs.existsSync(path.join(REPO, 'build-wasm', 'txpy.mjs'));
export const haveChromium = () => fs.existsSync(CHROMIUM);

// A built page served on 127.0.0.1:<free port> -> {url, close()};
// isolation: false serves it without the cross-origin-isolation headers.
export async function servePage({ isolation = true } = {}) {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'txpy-web-'));
  await build({ outDir: dist });
  const { server, url } = await startServer({ port: 0, routes: defaultRoutes(dist), isolation });
  return {
    url,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      fs.rmSync(dist, { recursive: true, force: true });
    },
  };
}

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

// What CPython prints for `file` with the serial transaction module.
export function cpythonOutput(file) {
  return execFileSync('python3', [file], {
    cwd: REPO,
    env: { ...process.env, PYTHONPATH: path.join(REPO, 'reference'), PYTHONHASHSEED: '0' },
    encoding: 'utf8',
    timeout: 60000,
  });
}

// Runs fn() while Chromium traces `page`, and returns fn's value with the
// tasks that ran on the page's thread meanwhile: [{wall, cpu}] in ms,
// wall the task's duration and cpu its thread time.  On a loaded machine
// the two differ: a task that needs 5 ms of processor may take 60 ms of
// wall time while the thread waits for a core, so cpu is the page's own
// cost and wall what a long-task observer sees.
export async function tracePageTasks(browser, page, fn) {
  await browser.startTracing(page, { categories: ['toplevel'] });
  let value;
  let error = null;
  try {
    value = await fn();
  } catch (err) {
    error = err;
  }
  const buffer = await browser.stopTracing();
  if (error) throw error;
  const trace = JSON.parse(buffer.toString('utf8'));
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const mainThreads = new Set(events
    .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args && e.args.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`));
  const tasks = events
    .filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && mainThreads.has(`${e.pid}:${e.tid}`))
    .map((e) => ({ wall: e.dur / 1000, cpu: (e.tdur ?? e.dur) / 1000 }));
  return { value, tasks };
}

export async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
