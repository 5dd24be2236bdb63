// Shared by the JavaScript twins of bench/parallel/*.py: the result check,
// the generator modulus and Python's %, and the command-line wrapper that
// also runs a program's tasks on worker_threads.
//
// Each twin is an ES module exporting `bench`:
//   name, sizes (size name -> parameters, as in the Python program),
//   expected (size name -> result string),
//   run(sizeName, extra) -> result string, computed on the calling thread
//   (extra: values of the twin's own options, bench.options; may be omitted),
//   and, when its transactions are independent enough to be spread over
//   threads, params(sizeName, extra) -> the parameters of one run and
//   split = { count(params), task(params, i), finish(params, partials) }
//   with run(size) == finish(p, [task(p, 0), task(p, 1), ...]).
// The module calls cli(bench, import.meta.url) at its end; cli does nothing
// unless the module is Node's entry script or one of the workers cli
// started itself, so browsers and other modules can import the twins.
//
// Invariants: the printed line is exactly the Python program's
// ("OK <name> <size> <result>"); with --threads N the partial results are
// put back in task order before finish(), so the output does not depend on
// N; node-only modules are imported lazily, inside cli().

export const MODULUS = 2147483647;   // Park-Miller generator modulus

// a mod m with the sign of m, like Python's %.
export function pyMod(a, m) {
  const r = a % m;
  return r !== 0 && (r < 0) !== (m < 0) ? r + m : r;
}

// The line the Python program prints for `result`, and its exit status.
// A twin with extra options (bank's --accounts) keys its table with
// bench.expectedKey(sizeName, extra); the others by size name.
export function verdict(bench, sizeName, extra, result) {
  const key = bench.expectedKey ? bench.expectedKey(sizeName, extra) : sizeName;
  const expected = bench.expected[key];
  if (expected === undefined) {
    return { status: 0, out: `UNCHECKED ${bench.name} ${sizeName} ${result}` };
  }
  if (result !== expected) {
    return { status: 1, err: `CHECK FAILED: ${bench.name} ${sizeName}: got ${result}, expected ${expected}` };
  }
  return { status: 0, out: `OK ${bench.name} ${sizeName} ${result}` };
}

// Serial run through the split form, used by twins that have one.
export function runSplit(split, params) {
  const partials = [];
  const count = split.count(params);
  for (let i = 0; i < count; i++) partials.push(split.task(params, i));
  return split.finish(params, partials);
}

function parseArgs(bench, argv) {
  // --size NAME, --threads N (1: no workers); extra options a twin accepts
  // are listed in bench.options (name -> parser returning a value or
  // undefined when invalid).  Returns null on a bad command line.
  const opts = { size: 'default', threads: 1, extra: {} };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    } else if (i + 1 < argv.length) {
      value = argv[++i];
    } else {
      return null;
    }
    if (arg === '--size') {
      if (!Object.hasOwn(bench.sizes, value)) return null;
      opts.size = value;
    } else if (arg === '--threads') {
      if (!/^[0-9]+$/.test(value) || Number(value) < 1) return null;
      opts.threads = Number(value);
    } else if (bench.options && Object.hasOwn(bench.options, arg.slice(2))) {
      const parsed = bench.options[arg.slice(2)](value);
      if (parsed === undefined) return null;
      opts.extra[arg.slice(2)] = parsed;
    } else {
      return null;
    }
  }
  return opts;
}

function usage(bench) {
  let text = `usage: node ${bench.name}.js [--size ${Object.keys(bench.sizes).join('|')}]`;
  if (bench.split) text += ' [--threads N]';
  for (const name of Object.keys(bench.options || {})) text += ` [--${name} N]`;
  return text;
}

async function runThreaded(wt, bench, moduleUrl, sizeName, extra, threads) {
  const params = bench.params(sizeName, extra);
  const count = bench.split.count(params);
  const partials = new Array(count);
  const jobs = [];
  for (let w = 0; w < threads; w++) {
    jobs.push(new Promise((resolve, reject) => {
      const worker = new wt.Worker(new URL(moduleUrl), {
        workerData: { txpyBench: bench.name, sizeName, extra, first: w, step: threads },
      });
      worker.once('message', (results) => {
        for (const [i, partial] of results) partials[i] = partial;
        resolve();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => {
        if (code !== 0) reject(new Error(`worker ${w} exited with status ${code}`));
      });
    }));
  }
  await Promise.all(jobs);
  return bench.split.finish(params, partials);
}

function runWorker(wt, bench) {
  const { sizeName, extra, first, step } = wt.workerData;
  const params = bench.params(sizeName, extra);
  const count = bench.split.count(params);
  const results = [];
  for (let i = first; i < count; i += step) results.push([i, bench.split.task(params, i)]);
  wt.parentPort.postMessage(results);
}

export async function cli(bench, moduleUrl) {
  if (typeof process === 'undefined' || !process.versions || !process.versions.node) return;
  try {
    const wt = await import('node:worker_threads');
    if (!wt.isMainThread) {
      if (wt.workerData && wt.workerData.txpyBench === bench.name) runWorker(wt, bench);
      return;
    }
    const { fileURLToPath } = await import('node:url');
    const fs = await import('node:fs');
    const entry = process.argv[1];
    if (!entry || fs.realpathSync(entry) !== fs.realpathSync(fileURLToPath(moduleUrl))) return;
    const opts = parseArgs(bench, process.argv.slice(2));
    if (opts === null || (opts.threads > 1 && !bench.split)) {
      if (opts !== null) process.stderr.write(`${bench.name}: no threaded variant (its transactions depend on each other in order)\n`);
      process.stderr.write(usage(bench) + '\n');
      process.exitCode = 2;
      return;
    }
    const result = opts.threads > 1
      ? await runThreaded(wt, bench, moduleUrl, opts.size, opts.extra, opts.threads)
      : bench.run(opts.size, opts.extra);
    const v = verdict(bench, opts.size, opts.extra, result);
    if (v.out !== undefined) process.stdout.write(v.out + '\n');
    if (v.err !== undefined) process.stderr.write(v.err + '\n');
    process.exitCode = v.status;
  } catch (err) {
    process.stderr.write(`${bench.name}: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 1;
  }
}
