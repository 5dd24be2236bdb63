// server.test.mjs - web/serve.mjs over HTTP: the cross-origin-isolation
// headers on every response (errors included), MIME types, the three
// roots, paths that try to leave them, methods, and the command line.

import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { spawn } from 'node:child_process';
import { startServer, ISOLATION_HEADERS } from '../serve.mjs';
import { WEB_DIR } from './helpers.mjs';

function checkIsolation(res) {
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) {
    assert.equal(res.headers.get(name), value, `${name} on ${res.url} (${res.status})`);
  }
}

test('static server', async (t) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'txpy-serve-'));
  const dirs = { page: path.join(root, 'page'), wasm: path.join(root, 'wasm'), wasi: path.join(root, 'wasi') };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dirs.page, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(dirs.page, 'app.js'), 'export {};');
  fs.writeFileSync(path.join(dirs.page, 'style.css'), 'body {}');
  fs.writeFileSync(path.join(dirs.wasm, 'txpy.mjs'), 'export {};');
  fs.writeFileSync(path.join(dirs.wasm, 'txpy-core.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  fs.writeFileSync(path.join(dirs.wasi, 'txpy.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  fs.writeFileSync(path.join(root, 'secret.txt'), 'TOP-SECRET-CONTENT');
  const { server, url } = await startServer({
    port: 0,
    routes: [['/txpy/', dirs.wasm], ['/txpy-wasi/', dirs.wasi], ['/', dirs.page]],
  });
  t.after(() => {
    server.close();
    fs.rmSync(root, { recursive: true, force: true });
  });
  const get = (p, init) => fetch(new URL(p, url), init);

  await t.test('listens on 127.0.0.1', () => {
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  await t.test('files with their MIME types and the isolation headers', async () => {
    const cases = [
      ['/', 'text/html; charset=utf-8'],
      ['/index.html', 'text/html; charset=utf-8'],
      ['/app.js', 'text/javascript; charset=utf-8'],
      ['/style.css', 'text/css; charset=utf-8'],
      ['/txpy/txpy.mjs', 'text/javascript; charset=utf-8'],
      ['/txpy/txpy-core.wasm', 'application/wasm'],
      ['/txpy-wasi/txpy.wasm', 'application/wasm'],
    ];
    for (const [p, type] of cases) {
      const res = await get(p);
      assert.equal(res.status, 200, p);
      assert.equal(res.headers.get('content-type'), type, p);
      checkIsolation(res);
      await res.arrayBuffer();
    }
    const wasm = new Uint8Array(await (await get('/txpy/txpy-core.wasm')).arrayBuffer());
    assert.deepEqual([...wasm.slice(0, 4)], [0, 0x61, 0x73, 0x6d]);
  });

  await t.test('errors carry the headers too', async () => {
    const missing = await get('/nope.js');
    assert.equal(missing.status, 404);
    checkIsolation(missing);
    const post = await get('/', { method: 'POST', body: 'x' });
    assert.equal(post.status, 405);
    checkIsolation(post);
  });

  await t.test('HEAD and conditional requests', async () => {
    const head = await get('/app.js', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('content-length'), '10');
    const again = await get('/app.js', { headers: { 'If-Modified-Since': head.headers.get('last-modified') } });
    assert.equal(again.status, 304);
    checkIsolation(again);
  });

  await t.test('no way out of the roots', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/txpy/..%2f..%2fsecret.txt', '/txpy/%2e%2e/%2e%2e/secret.txt', '/%00', '/%zz']) {
      const res = await get(p);
      assert.notEqual(res.status, 200, p);
      assert.doesNotMatch(await res.text(), /TOP-SECRET-CONTENT/, p);
      checkIsolation(res);
    }
    // Raw request lines, which fetch() would normalise first.
    for (const p of ['/../secret.txt', '/txpy/../../secret.txt', '/txpy-wasi/../../secret.txt']) {
      const body = await new Promise((resolve, reject) => {
        const req = http.request(new URL(url), { path: p }, (res) => {
          let text = '';
          res.on('data', (d) => { text += d; });
          res.on('end', () => resolve(`${res.statusCode} ${text}`));
        });
        req.on('error', reject);
        req.end();
      });
      assert.doesNotMatch(body, /^200|TOP-SECRET-CONTENT/, p);
    }
  });
});

test('command line: usage error, then a server on the requested port', async () => {
  const bad = spawn(process.execPath, [path.join(WEB_DIR, 'serve.mjs'), '--port', 'x'], { stdio: 'pipe' });
  let err = '';
  bad.stderr.on('data', (d) => { err += d; });
  const code = await new Promise((resolve) => bad.on('exit', resolve));
  assert.equal(code, 2);
  assert.match(err, /usage: node web\/serve\.mjs/);

  const child = spawn(process.execPath, [path.join(WEB_DIR, 'serve.mjs'), '--port', '0', '--no-build'], { stdio: 'pipe' });
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = /txpy playground: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.on('exit', (c) => reject(new Error(`serve.mjs exited with ${c}`)));
    });
    const res = await fetch(new URL('/txpy/does-not-exist.wasm', url));
    assert.equal(res.status, 404);
    checkIsolation(res);
  } finally {
    child.kill();
  }
});
