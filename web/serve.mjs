#!/usr/bin/env node
// serve.mjs - the playground's static server.
//
//   node web/serve.mjs [--port N] [--host H] [--no-build] [--no-isolation]
//
// Builds the page first (web/build.mjs: bundles web/src into web/dist),
// unless --no-build, then serves, on http://127.0.0.1:8000/ by default:
//   /              web/dist/ (the page, its bundles and styles)
//   /txpy/...      build-wasm/ (the Emscripten build and its JS API: txpy.mjs,
//                  txpy-worker.js, txpy-core.js/.wasm/.worker.js, ...)
//   /txpy-wasi/... build-wasi/ (txpy.wasm: the one-worker fallback for
//                  browsers without SharedArrayBuffer)
// and prints the URL on stdout ("txpy playground: http://...").  --port 0
// picks a free port (the tests use it).  --no-isolation leaves out the
// isolation headers, to see what the page does without SharedArrayBuffer.
//
// Invariants: unless --no-isolation, every response, errors included,
// carries the headers that make the page cross-origin isolated (COOP same-origin, COEP require-corp,
// CORP same-origin), so SharedArrayBuffer exists in the page and in every
// worker it starts; files are served with their MIME type (.wasm as
// application/wasm); nothing outside the three roots is ever served (the
// path is normalised and must stay inside its root); only GET and HEAD.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.dirname(WEB_DIR);

export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.py': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

// URL prefix -> directory; the first matching prefix wins.  `dist` is the
// page's build (the tests build into a directory of their own).
export function defaultRoutes(dist = path.join(WEB_DIR, 'dist')) {
  return [
    ['/txpy/', path.join(REPO, 'build-wasm')],
    ['/txpy-wasi/', path.join(REPO, 'build-wasi')],
    ['/', dist],
  ];
}

// The file a request path maps to, or null when it leaves its root.
function resolve(routes, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  for (const [prefix, dir] of routes) {
    if (!decoded.startsWith(prefix)) continue;
    let rel = decoded.slice(prefix.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(dir, '.' + path.posix.normalize('/' + rel));
    if (file !== dir && !file.startsWith(dir + path.sep)) return null;
    return file;
  }
  return null;
}

function send(res, status, headers, body) {
  res.writeHead(status, headers);
  res.end(body);
}

function handle(routes, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, 'method not allowed\n');
    return;
  }
  const urlPath = new URL(req.url, 'http://localhost').pathname;
  const file = resolve(routes, urlPath);
  if (file === null) {
    send(res, 400, { 'Content-Type': 'text/plain; charset=utf-8' }, 'bad path\n');
    return;
  }
  fs.stat(file, (err, st) => {
    if (err || !st.isFile()) {
      send(res, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, `not found: ${urlPath}\n`);
      return;
    }
    const headers = {
      'Content-Type': MIME[path.extname(file).toLowerCase()] || 'application/octet-stream',
      'Content-Length': String(st.size),
      // Rebuilt files must be picked up at once: revalidate every time.
      'Cache-Control': 'no-cache',
      'Last-Modified': st.mtime.toUTCString(),
    };
    const since = req.headers['if-modified-since'];
    if (since && Math.floor(st.mtimeMs / 1000) <= Math.floor(Date.parse(since) / 1000)) {
      delete headers['Content-Length'];
      send(res, 304, headers);
      return;
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = fs.createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  });
}

// Start serving; resolves to { server, url } once listening.
export function startServer({ port = 8000, host = '127.0.0.1', routes = defaultRoutes(), isolation = true } = {}) {
  const server = http.createServer((req, res) => {
    if (isolation) {
      for (const [name, value] of Object.entries(ISOLATION_HEADERS)) res.setHeader(name, value);
    }
    try {
      handle(routes, req, res);
    } catch (err) {
      send(res, 500, { 'Content-Type': 'text/plain; charset=utf-8' }, `internal error: ${err && err.message}\n`);
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolvePromise({ server, url: `http://${shownHost}:${address.port}/` });
    });
  });
}

function usage() {
  return 'usage: node web/serve.mjs [--port N] [--host H] [--no-build] [--no-isolation]\n';
}

function parseArgs(argv) {
  const opts = { port: 8000, host: '127.0.0.1', build: true, isolation: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if ((arg === '--port' || arg === '--host') && i + 1 < argv.length) {
      const value = argv[++i];
      if (arg === '--port') {
        if (!/^[0-9]+$/.test(value) || Number(value) > 65535) return null;
        opts.port = Number(value);
      } else {
        opts.host = value;
      }
    } else if (arg === '--no-build') {
      opts.build = false;
    } else if (arg === '--no-isolation') {
      opts.isolation = false;
    } else {
      return null;
    }
  }
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts === null) {
    process.stderr.write(usage());
    process.exitCode = 2;
    return;
  }
  if (opts.build) {
    const { build } = await import('./build.mjs');
    await build();
  }
  for (const [prefix, dir] of defaultRoutes()) {
    if (prefix !== '/' && !fs.existsSync(dir)) {
      process.stderr.write(`serve: note: ${path.relative(REPO, dir)}/ does not exist yet (the page will say so)\n`);
    }
  }
  const { url } = await startServer(opts);
  process.stdout.write(`txpy playground: ${url}\n`);
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    process.stderr.write(`serve: ${err && err.message ? err.message : err}\n`);
    process.exitCode = 1;
  });
}
