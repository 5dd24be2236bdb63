// api.test.mjs - the JavaScript API (build-wasm/txpy.mjs) in Node: one
// instance serving many runs (fresh interpreter state each time), results
// as values for exceptions, syntax errors and sys.exit, cancellation of a
// runaway loop (plain and inside transactions) followed by a working run,
// workers chosen per run, STM figures, streamed output that stays valid
// UTF-8, files of the instance's file system, and MemoryError (not an
// abort) when a program exhausts the memory limit.
//
// Invariants: every instance created here is terminated before the file
// ends; each test bounds its own time, so a hung instance fails the test
// instead of stalling the runner.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { needs, WASM_DIR } from './helpers.mjs';

const missing = needs(WASM_DIR, 'txpy.mjs', 'txpy-worker.js', 'txpy-core.js', 'txpy-core.wasm');
let createTxpy = null;
let vm = null;

before(async () => {
  if (missing) return;
  ({ createTxpy } = await import(pathToFileURL(path.join(WASM_DIR, 'txpy.mjs')).href));
  vm = await createTxpy({ workers: 2, cancelTimeoutMs: 5000 });
});

after(() => { if (vm) vm.terminate(); });

// run() with a deadline: a run that never settles fails instead of hanging.
async function run(source, options = {}, ms = 60000) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`run did not settle within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([vm.run(source, { filename: 'main.py', ...options }), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const opts = { skip: missing, timeout: 120000 };

test('createTxpy gives a live instance with the pool size asked for', opts, () => {
  assert.equal(vm.alive, true);
  assert.equal(vm.workers, 2);
});

test('a run returns its output, exit code and no exception', opts, async () => {
  const r = await run('print("hello", 6 * 7)\n');
  assert.equal(r.error, null);
  assert.equal(r.exitCode, 0);
  assert.equal(r.exception, null);
  assert.equal(r.cancelled, false);
  assert.equal(r.stdout, 'hello 42\n');
  assert.equal(r.stderr, '');
});

test('repeated runs on one instance each start from a fresh state', opts, async () => {
  const a = await run('import sys\nx = 41\nsys.modules["flag"] = 1\nsys.path.append("/nowhere")\nprint(x + 1)\n');
  assert.equal(a.stdout, '42\n');
  const b = await run('import sys\nprint("x" in globals(), "flag" in sys.modules, "/nowhere" in sys.path)\n');
  assert.equal(b.stdout, 'False False False\n');
  for (let i = 0; i < 5; i++) {
    const r = await run(`print(sum(range(${i * 1000})))\n`);
    assert.equal(r.stdout, `${(i * 1000) * (i * 1000 - 1) / 2}\n`);
  }
});

test('sys.argv comes from filename and args; stdin is given text', opts, async () => {
  const r = await run('import sys\nprint(sys.argv)\nprint(input())\n', { filename: 'prog.py', args: ['a', 'b c'],
    stdin: 'typed line\n' });
  assert.equal(r.stdout, "['prog.py', 'a', 'b c']\ntyped line\n");
});

test('an uncaught exception is a value: exit code 1, type, message, traceback', opts, async () => {
  const r = await run('def f():\n    raise ValueError("bad value")\nf()\n');
  assert.equal(r.error, null);
  assert.equal(r.exitCode, 1);
  assert.equal(r.exception.type, 'ValueError');
  assert.equal(r.exception.message, 'bad value');
  assert.match(r.exception.traceback, /File "main\.py", line 2, in f/);
  assert.match(r.stderr, /ValueError: bad value\n$/);
});

test('tracebacks show the lines of the program that ran, not of an earlier one', opts, async () => {
  const a = await run('x = 1\nraise KeyError("first program")\n');
  assert.match(a.exception.traceback, /raise KeyError\("first program"\)/);
  const b = await run('y = 2\nraise IndexError("second program")\n');
  assert.match(b.exception.traceback, /raise IndexError\("second program"\)/);
  assert.doesNotMatch(b.exception.traceback, /first program/);
});

test('a SyntaxError is a value too', opts, async () => {
  const r = await run('print("ok")\ndef f(:\n    pass\n');
  assert.equal(r.exitCode, 1);
  assert.equal(r.exception.type, 'SyntaxError');
  assert.equal(r.stdout, '');
  assert.match(r.exception.traceback, /File "main\.py", line 2/);
});

test('sys.exit gives its status and no exception', opts, async () => {
  const r = await run('import sys\nprint("bye")\nsys.exit(3)\n');
  assert.equal(r.exitCode, 3);
  assert.equal(r.exception, null);
  assert.equal(r.stdout, 'bye\n');
});

test('cancel() stops `while True: pass` within a second; the next run works', opts, async () => {
  const p = run('print("looping", flush=True)\nwhile True:\n    pass\n');
  await new Promise((resolve) => setTimeout(resolve, 300));
  const t0 = performance.now();
  assert.equal(vm.cancel(), true);
  const r = await p;
  const ms = performance.now() - t0;
  assert.ok(ms < 1000, `cancel took ${ms.toFixed(0)} ms`);
  assert.equal(r.error, null);
  assert.equal(r.cancelled, true);
  assert.equal(r.exception.type, 'KeyboardInterrupt');
  assert.notEqual(r.exitCode, 0);
  assert.equal(r.stdout, 'looping\n');
  assert.equal(vm.alive, true);
  const next = await run('print("after")\n');
  assert.equal(next.exitCode, 0);
  assert.equal(next.stdout, 'after\n');
  assert.equal(next.cancelled, false);
});

// A stop request must reach the oldest transaction even when a
// speculative one sees it first (the stop stays requested for the whole
// parallel run); an instance of its own, run several times.
for (let round = 0; round < 3; round++) test(`cancel() stops endless transactions on two workers; the next run works (${round})`,
  opts,
  async () => {
    const inst = await createTxpy({ workers: 2, cancelTimeoutMs: 3000 });
    try {
      const src = 'import transaction\n' +
        'def spin(i):\n    while True:\n        pass\n' +
        'for i in range(8):\n    transaction.add(spin, i)\n' +
        'transaction.run()\n';
      const p = inst.run(src, { workers: 2 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const t0 = performance.now();
      inst.cancel();
      const r = await p;
      const ms = performance.now() - t0;
      assert.equal(r.error, null);
      assert.ok(ms < 1000, `cancel took ${ms.toFixed(0)} ms`);
      assert.equal(r.cancelled, true);
      assert.equal(r.exception && r.exception.type, 'KeyboardInterrupt');
      const next = await inst.run('import transaction\nout = []\ntransaction.add(out.append, 5)\n' +
        'transaction.run()\nprint(out)\n', { workers: 2 });
      assert.equal(next.stdout, '[5]\n');
      assert.equal(next.exitCode, 0);
    } finally {
      inst.terminate();
    }
  });

test('an AbortSignal and timeoutMs cancel too', opts, async () => {
  const r = await run('while True:\n    pass\n', { timeoutMs: 200 });
  assert.equal(r.cancelled, true);
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 200);
  const s = await run('while True:\n    pass\n', { signal: ac.signal });
  assert.equal(s.cancelled, true);
  assert.equal(s.exception.type, 'KeyboardInterrupt');
});

test('workers are chosen per run', opts, async () => {
  const src = 'import transaction\nprint(transaction.getsegmentlimit())\n';
  assert.equal((await run(src, { workers: 1 })).stdout, '1\n');
  assert.equal((await run(src, { workers: 2 })).stdout, '2\n');
  assert.equal((await run(src)).stdout, '2\n');
});

test('stmStats gives the transaction figures, conflicts and events', opts, async () => {
  const src = 'import transaction\n' +
    'total = [0]\n' +
    'def work(i):\n    s = 0\n    for k in range(2000):\n        s += k * i\n    total[0] += s\n' +
    'for i in range(40):\n    transaction.add(work, i)\n' +
    'transaction.run()\nprint(total[0])\n';
  const expected = `${40 * 39 / 2 * 1999 * 2000 / 2}\n`;
  const d = await run(src, { workers: 2, stmStats: 'data' });
  assert.equal(d.stdout, expected);
  assert.equal(d.stderr, '');
  const s = d.stats;
  assert.ok(s.committed >= 40, `committed ${s.committed}`);
  for (const k of ['aborted', 'inevitable', 'secondsCommitted', 'secondsAborted', 'secondsWaiting']) {
    assert.equal(typeof s[k], 'number', k);
    assert.ok(s[k] >= 0, k);
  }
  assert.ok(Array.isArray(s.conflicts));
  for (const c of s.conflicts) {
    assert.ok(c.count >= 1 && typeof c.type === 'string' && c.read.file === 'main.py' && c.read.line > 0);
  }
  assert.ok(s.events instanceof Float64Array);
  assert.equal(s.events.length % 4, 0);
  assert.ok(s.events.length / 4 >= 40 || s.eventsDropped > 0);
  for (let i = 4; i < s.events.length; i += 4) assert.ok(s.events[i + 1] >= s.events[i - 3], 'sorted by start');
  for (let i = 0; i < s.events.length; i += 4) assert.ok(s.events[i + 2] >= s.events[i + 1], 'ends after start');
  // stmStats: true also prints the report on stderr
  const t = await run(src, { workers: 2, stmStats: true });
  assert.equal(t.stdout, expected);
  assert.match(t.stderr, /commit/i);
  // without stmStats: totals only
  const n = await run(src, { workers: 2 });
  assert.ok(n.stats.committed >= 40);
  assert.equal(n.stats.events, undefined);
  // one worker runs the transactions serially, outside the STM (as natively)
  const one = await run(src, { workers: 1, stmStats: 'data' });
  assert.equal(one.stdout, expected);
  assert.equal(one.stats.committed, 0);
});

test('output is streamed while the program runs', opts, async () => {
  let first = 0;
  const t0 = performance.now();
  const r = await run('import time\nprint("early", flush=True)\ntime.sleep(0.5)\nprint("late")\n',
    { stdout: () => { if (!first) first = performance.now(); } });
  const end = performance.now();
  assert.equal(r.exitCode, 0, r.stderr);
  assert.ok(first > t0 && end - first >= 300, `first output ${(end - first).toFixed(0)} ms before the end`);
});

// The VM hands whole writes to the host, so a character can only be split
// by the transport (chunks of records) or, as here, by a program writing
// the bytes of one character separately: the text must come out whole.
test('output is text: UTF-8 characters split across writes stay whole', opts, async () => {
  const chunks = [];
  const src = 'import sys\n' +
    'for i in range(200):\n    sys.stdout.write("é€😀" * 50 + "\\n")\n' +
    'sys.stdout.flush()\n' +
    'f = open("/dev/stdout", "wb")\n' +
    'f.write(b"\\xc3")\nf.flush()\nf.write(b"\\xa9\\xe2\\x82")\nf.flush()\nf.write(b"\\xac!\\n")\nf.close()\n';
  const r = await run(src, { stdout: (t) => chunks.push(t) });
  assert.equal(r.exitCode, 0, r.stderr);
  const text = chunks.join('');
  assert.equal(r.stdout, '');
  assert.ok(!text.includes('\uFFFD'), 'a replacement character in the output');
  assert.equal(text, ('é€😀'.repeat(50) + '\n').repeat(200) + 'é€!\n');
});

test('stderr has its own callback and keeps its order with stdout', opts, async () => {
  const events = [];
  const r = await run('import sys\nprint("out1")\nprint("err1", file=sys.stderr)\nprint("out2")\n',
    { stdout: (t) => events.push(['out', t]), stderr: (t) => events.push(['err', t]) });
  assert.equal(r.exitCode, 0);
  assert.deepEqual(events.map((e) => e[1]).join(''), 'out1\nerr1\nout2\n');
  assert.equal(events.find((e) => e[1].includes('err1'))[0], 'err');
});

test('files: writeFile/readFile and open() share the instance file system', opts, async () => {
  const w = await vm.writeFile('/data/in.txt', 'line one\nline two\n');
  assert.equal(w.error, null);
  const r = await run('with open("/data/in.txt") as f:\n    lines = f.read().split("\\n")\n' +
    'with open("/data/out.txt", "w") as g:\n    g.write(str(len(lines)))\n');
  assert.equal(r.exitCode, 0, r.stderr);
  const o = await vm.readFile('/data/out.txt');
  assert.equal(new TextDecoder().decode(o.data), '3');
  // a file left open is flushed when the run ends
  const u = await run('f = open("/data/unclosed.txt", "w")\nf.write("kept")\n');
  assert.equal(u.exitCode, 0, u.stderr);
  assert.equal(new TextDecoder().decode((await vm.readFile('/data/unclosed.txt')).data), 'kept');
  const missingFile = await vm.readFile('/data/none.txt');
  assert.equal(missingFile.data, null);
  assert.ok(missingFile.error);
});

test('a runaway allocation ends in MemoryError, and the instance lives on', opts, async () => {
  const small = await createTxpy({ workers: 1, memoryLimitMB: 96 });
  try {
    const t0 = performance.now();
    const r = await small.run('keep = []\nwhile True:\n    keep.append([0] * 100000)\n');
    assert.equal(r.error, null);
    assert.equal(r.exitCode, 1);
    assert.equal(r.exception.type, 'MemoryError');
    assert.ok(performance.now() - t0 < 30000);
    const big = await small.run('try:\n    b = [0] * (1 << 27)\nexcept MemoryError:\n    print("caught")\n');
    assert.equal(big.stdout, 'caught\n');
    const next = await small.run('print(len([0] * 1000))\n');
    assert.equal(next.stdout, '1000\n');
    assert.equal(small.alive, true);
  } finally {
    small.terminate();
  }
});

test('runs are queued in call order; terminate() settles later runs with an error', opts, async () => {
  const inst = await createTxpy({ workers: 1 });
  const outs = await Promise.all([1, 2, 3].map((i) => inst.run(`print(${i})\n`)));
  assert.deepEqual(outs.map((r) => r.stdout), ['1\n', '2\n', '3\n']);
  const p = inst.run('while True:\n    pass\n');
  inst.terminate();
  const r = await p;
  assert.equal(r.exitCode, null);
  assert.ok(r.error);
  assert.equal(inst.alive, false);
  const later = await inst.run('print(1)\n');
  assert.ok(later.error);
});
