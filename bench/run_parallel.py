#!/usr/bin/env python3
# Harness for the parallel benchmarks (bench/parallel/*.py, `transaction`
# module programs) and their JavaScript twins (bench/js/*.js).  For each
# program it first runs python3 with the serial reference `transaction`
# module to get the expected output, then times every column in
# interleaved rounds and prints one table: txpy at 1 worker and at N
# workers and the speedup between them, the STM-off build, python3 with
# the reference module, Node on the JavaScript twin (JIT, --jitless, N
# worker_threads), and optionally WebAssembly builds run by Node launchers
# that take txpy's command line (--wasm, --wasi).
#
# Invariants:
# - A run counts only if it exits with status 0 and its stdout is exactly
#   the reference run's stdout (which must itself exit 0 and contain a line
#   starting with "OK ": the programs check their own results).  A wrong
#   output is reported at once on stderr, marks the program FAILED for that
#   column (its later runs there are skipped), is listed under the table,
#   and makes the exit status 1.  So does a failed reference run, which
#   skips the program in every column.
# - Columns are measured in the same order in every round, so slow drifts
#   of the machine hit all columns alike; a cell is the median of the
#   --repeat runs, with the spread (slowest - fastest) / median.
# - Progress and wrong-output reports go to stderr, the table to stdout, so
#   `python3 bench/run_parallel.py --markdown > table.md` captures only it.
#
# Runs under CPython 3; everything measured is started as a subprocess with
# the repository root as its working directory.

import argparse
import math
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_DIR = os.path.dirname(BENCH_DIR)
PARALLEL_DIR = os.path.join(BENCH_DIR, "parallel")
JS_DIR = os.path.join(BENCH_DIR, "js")
REFERENCE_DIR = os.path.join(REPO_DIR, "reference")

SIZE_NAMES = ("tiny", "quick", "default")
DEFAULT_NOSTM = "build-nostm/txpy"


class Benchmark:
    # One program, bench/parallel/<name>.py, and its twin bench/js/<name>.js;
    # js_threads says whether the twin has a --threads variant.
    def __init__(self, name, js_threads=True):
        self.name = name
        self.js_threads = js_threads

    def python_file(self):
        return os.path.join(PARALLEL_DIR, self.name + ".py")

    def js_file(self):
        return os.path.join(JS_DIR, self.name + ".js")


BENCHMARKS = [
    Benchmark("primes"),
    Benchmark("mandelbrot"),
    Benchmark("particles"),
    Benchmark("wordcount"),
    Benchmark("histogram"),
    Benchmark("counter"),
    Benchmark("bank", js_threads=False),
]


class Column:
    # One timed column.  command(bench, size) returns the argv of one run,
    # or None when the column does not apply to that program (shown "n/a").
    # env: variables added to the environment of every run.  stats: parse
    # txpy's --stm-stats report from stderr.
    def __init__(self, label, command, env=None, stats=False):
        self.label = label
        self.command = command
        self.env = env or {}
        self.stats = stats


class Ratio:
    # A derived column: median of one column over median of another.
    def __init__(self, label, numerator, denominator):
        self.label = label
        self.numerator = numerator
        self.denominator = denominator


def resolve_command(text, what):
    # Splits a command given on the command line and makes its program path
    # absolute: a bare name is looked up on PATH, a path is taken relative
    # to the current directory, else to the repository root.  Returns None
    # when the program does not exist.
    argv = shlex.split(text)
    if not argv:
        sys.exit("run_parallel.py: empty command for %s" % what)
    program = argv[0]
    if os.sep not in program:
        found = shutil.which(program)
        return None if found is None else [found] + argv[1:]
    for base in (os.getcwd(), REPO_DIR):
        candidate = os.path.join(base, program)
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return [os.path.abspath(candidate)] + argv[1:]
    return None


def require_command(text, what):
    argv = resolve_command(text, what)
    if argv is None:
        sys.exit("run_parallel.py: %s: %r not found (build it or pass "
                 "another command)" % (what, text))
    return argv


def reference_dir(option):
    # The directory holding the serial reference transaction.py.
    path = os.path.abspath(option) if option else REFERENCE_DIR
    if not os.path.isfile(os.path.join(path, "transaction.py")):
        sys.exit("run_parallel.py: no serial reference transaction.py in %s"
                 % path)
    return path


def python_path(ref_dir):
    old = os.environ.get("PYTHONPATH")
    return ref_dir if not old else ref_dir + os.pathsep + old


def txpy_command(prefix, workers, stats=False):
    def command(bench, size):
        argv = prefix + ["--workers", str(workers)]
        if stats:
            argv.append("--stm-stats")
        return argv + [bench.python_file(), "--size", size]
    return command


def node_command(node, flags, threads):
    def command(bench, size):
        if not os.path.isfile(bench.js_file()):
            return None
        if threads > 1 and not bench.js_threads:
            return None
        argv = node + flags + [bench.js_file(), "--size", size]
        return argv + (["--threads", str(threads)] if threads > 1 else [])
    return command


def make_columns(args):
    # Returns (python column, layout, measured): layout is the table's
    # column order (Column and Ratio objects), measured the Columns in the
    # order they run.
    layout = []
    workers = args.workers
    wn = "w%d" % workers

    def add_txpy_pair(name, prefix, stats):
        one = Column("%s w1" % name, txpy_command(prefix, 1))
        many = Column("%s %s" % (name, wn),
                      txpy_command(prefix, workers, stats), stats=stats)
        layout.extend([one, many, Ratio("%s speedup" % name, one, many)])
        return one, many

    txpy = require_command(args.txpy, "--txpy")
    txpy_one, txpy_many = add_txpy_pair("txpy", txpy, args.stm_stats)
    nostm = resolve_command(args.txpy_nostm, "--txpy-nostm")
    if nostm is not None:
        col = Column("nostm", txpy_command(nostm, 1))
        layout.extend([col, Ratio("w1/nostm", txpy_one, col)])
    elif args.txpy_nostm != DEFAULT_NOSTM:
        sys.exit("run_parallel.py: --txpy-nostm: %r not found"
                 % args.txpy_nostm)
    python = require_command(args.python, "--python")
    ref = reference_dir(args.reference)
    python_col = Column(
        "python", lambda bench, size: python + [bench.python_file(),
                                                "--size", size],
        env={"PYTHONPATH": python_path(ref)})
    layout.extend([python_col,
                   Ratio("%s/python" % wn, txpy_many, python_col)])
    for name, text in (("wasm", args.wasm), ("wasi", args.wasi)):
        if text:
            add_txpy_pair(name, require_command(text, "--" + name), False)
    if args.node:
        node = require_command(args.node, "--node")
        layout.append(Column("node", node_command(node, [], 1)))
        layout.append(Column("node jitless",
                             node_command(node, ["--jitless"], 1)))
        if args.node_threads > 1:
            layout.append(Column("node x%d" % args.node_threads,
                                 node_command(node, [], args.node_threads)))
    measured = [c for c in layout if isinstance(c, Column)]
    return python_col, layout, measured


class Result:
    # Outcome of one program in one column.
    def __init__(self):
        self.times = []
        self.failure = None
        self.missing = False
        self.stats = None

    def ok(self):
        return not self.missing and self.failure is None and bool(self.times)

    def median(self):
        return statistics.median(self.times)

    def spread(self):
        return (max(self.times) - min(self.times)) / self.median()


def run_once(argv, env, timeout):
    # Returns (seconds, stdout, stderr, None) or (None, None, None, reason).
    start = time.perf_counter()
    try:
        proc = subprocess.run(argv, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=timeout,
                              cwd=REPO_DIR, env=dict(os.environ, **env))
    except subprocess.TimeoutExpired:
        return None, None, None, "timeout after %gs" % timeout
    except OSError as err:
        return None, None, None, "cannot start: %s" % err
    elapsed = time.perf_counter() - start
    out = proc.stdout.decode("utf-8", "replace")
    err = proc.stderr.decode("utf-8", "replace")
    if proc.returncode != 0:
        # The last line of the error message, skipping txpy's --stm-stats
        # report ("stm: ..." lines).
        lines = [line for line in err.strip().splitlines()
                 if not line.startswith("stm: ")]
        last = lines[-1] if lines else "no message"
        return None, None, None, "exit status %d: %s" % (proc.returncode,
                                                        last)
    return elapsed, out, err, None


def first_line(text):
    text = text.strip()
    return text.splitlines()[0] if text else "no output"


def difference(out, expected):
    # The first line where out differs from expected, for the report.
    got = out.splitlines()
    want = expected.splitlines()
    for i in range(max(len(got), len(want))):
        a = got[i] if i < len(got) else "<end of output>"
        b = want[i] if i < len(want) else "<end of output>"
        if a != b:
            return "line %d: got %r, expected %r" % (i + 1, a, b)
    return "got %r, expected %r" % (out, expected)


def parse_stats(err):
    # "stm: C committed, A aborted, ..." from txpy's --stm-stats report, as
    # (committed, aborted), or None.
    for line in err.splitlines():
        words = line.replace(",", " ").split()
        if words[:1] == ["stm:"] and "committed" in words and \
                "aborted" in words:
            try:
                committed = int(words[words.index("committed") - 1])
                aborted = int(words[words.index("aborted") - 1])
            except (ValueError, IndexError):
                return None
            return committed, aborted
    return None


def reference_output(python_col, bench, args):
    # The expected stdout, from python3 with the serial reference module;
    # (None, reason) when that run fails.
    argv = python_col.command(bench, args.size)
    _, out, _, failure = run_once(argv, python_col.env, args.timeout)
    if failure is not None:
        return None, failure
    if not any(line.startswith("OK ") for line in out.splitlines()):
        return None, "no OK line: %s" % first_line(out)
    return out, None


def run_benchmarks(python_col, measured, args):
    # Returns ({bench name: {column label: Result}}, [failure lines]).
    results = {}
    failures = []
    for bench in select(args.only):
        row = {col.label: Result() for col in measured}
        results[bench.name] = row
        expected, failure = reference_output(python_col, bench, args)
        if failure is not None:
            line = "%s: reference run (python3 + serial transaction " \
                   "module) failed: %s" % (bench.name, failure)
            sys.stderr.write("FAILED " + line + "\n")
            failures.append(line)
            for res in row.values():
                res.failure = "reference run failed"
            continue
        commands = {}
        for col in measured:
            commands[col.label] = col.command(bench, args.size)
            if commands[col.label] is None:
                row[col.label].missing = True
        for _ in range(args.repeat):
            for col in measured:
                res = row[col.label]
                if res.missing or res.failure is not None:
                    continue
                seconds, out, err, failure = run_once(
                    commands[col.label], col.env, args.timeout)
                if failure is None and out != expected:
                    failure = "wrong output: " + difference(out, expected)
                if failure is not None:
                    res.failure = failure
                    line = "%s (%s): %s" % (bench.name, col.label, failure)
                    sys.stderr.write("FAILED " + line + "\n")
                    failures.append(line)
                    continue
                res.times.append(seconds)
                if col.stats:
                    res.stats = parse_stats(err)
        notes = []
        for col in measured:
            res = row[col.label]
            if res.ok():
                notes.append("%s %.3fs" % (col.label, res.median()))
            elif res.failure is not None:
                notes.append("%s FAILED" % col.label)
        sys.stderr.write("%-11s %s\n" % (bench.name, "  ".join(notes)))
    return results, failures


def geometric_mean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values))


def build_rows(layout, results):
    # Returns (header, rows) as strings; the last row holds the geometric
    # means of the ratio columns.
    header = ["benchmark"]
    for item in layout:
        header.append(item.label if isinstance(item, Ratio)
                      else "%s s" % item.label)
        if isinstance(item, Column) and item.stats:
            header.append("aborted/committed")
    rows = []
    ratios = {item.label: [] for item in layout if isinstance(item, Ratio)}
    for name, row in results.items():
        cells = [name]
        for item in layout:
            if isinstance(item, Ratio):
                num = row[item.numerator.label]
                den = row[item.denominator.label]
                if num.ok() and den.ok():
                    value = num.median() / den.median()
                    ratios[item.label].append(value)
                    cells.append("%.2f" % value)
                else:
                    cells.append("-")
                continue
            res = row[item.label]
            if res.missing:
                cells.append("n/a")
            elif not res.ok():
                cells.append("FAILED")
            else:
                cells.append("%.3f ±%.0f%%" % (res.median(),
                                               100.0 * res.spread()))
            if item.stats:
                cells.append("-" if res.stats is None
                             else "%d/%d" % (res.stats[1], res.stats[0]))
        rows.append(cells)
    means = ["geometric mean"]
    for item in layout:
        if isinstance(item, Ratio):
            values = ratios[item.label]
            means.append("%.2f" % geometric_mean(values) if values else "-")
        else:
            means.append("")
            if item.stats:
                means.append("")
    rows.append(means)
    return header, rows


def print_plain(header, rows):
    widths = [max(len(r[i]) for r in [header] + rows)
              for i in range(len(header))]
    for r in [header] + rows:
        cells = [r[0].ljust(widths[0])]
        cells += [c.rjust(w) for c, w in zip(r[1:], widths[1:])]
        print("  ".join(cells).rstrip())


def print_markdown(header, rows):
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|")
    for r in rows:
        print("| " + " | ".join(r) + " |")


def select(only):
    if not only:
        return BENCHMARKS
    wanted = [name.strip() for name in only.split(",") if name.strip()]
    known = {b.name for b in BENCHMARKS}
    unknown = [name for name in wanted if name not in known]
    if unknown:
        sys.exit("run_parallel.py: unknown benchmark: %s (known: %s)"
                 % (", ".join(unknown), ", ".join(sorted(known))))
    return [b for b in BENCHMARKS if b.name in wanted]


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Run the parallel benchmarks under txpy at 1 and N "
                    "workers, CPython with the serial reference module, "
                    "and Node on their JavaScript twins.")
    parser.add_argument("--txpy", default="build/txpy",
                        help="txpy command (default: build/txpy)")
    parser.add_argument("--workers", type=int, default=2,
                        help="workers of the parallel txpy column "
                             "(default: 2)")
    parser.add_argument("--txpy-nostm", default=DEFAULT_NOSTM,
                        help="STM-off txpy build (default: %s; the column "
                             "is left out when that default is missing)"
                             % DEFAULT_NOSTM)
    parser.add_argument("--python", default="python3",
                        help="reference Python command (default: python3)")
    parser.add_argument("--reference", default="",
                        help="directory of the serial transaction.py "
                             "(default: reference/)")
    parser.add_argument("--node", default="node",
                        help="Node command for the JavaScript twins "
                             "(default: node; '' to leave them out)")
    parser.add_argument("--node-threads", type=int, default=2,
                        help="worker_threads of the threaded JavaScript "
                             "column (default: 2; 1 leaves it out)")
    parser.add_argument("--wasm", nargs="?", const="build-wasm/txpy", default="",
                        help="add columns for the Emscripten build's Node "
                             "launcher, which takes txpy's command line "
                             "(command without a value: build-wasm/txpy)")
    parser.add_argument("--wasi", nargs="?", const="build-wasi/txpy", default="",
                        help="add columns for the WASI build's Node "
                             "launcher, which takes txpy's command line "
                             "(command without a value: build-wasi/txpy)")
    parser.add_argument("--stm-stats", action="store_true",
                        help="pass --stm-stats to the N-worker txpy column "
                             "and show its aborted/committed counts")
    parser.add_argument("--repeat", type=int, default=3,
                        help="timed runs per program and column "
                             "(default: 3; the median counts)")
    parser.add_argument("--only", default="",
                        help="comma-separated benchmark names")
    parser.add_argument("--size", choices=SIZE_NAMES, default="default",
                        help="problem size (default: default, ~2-4 s each "
                             "under CPython; quick: ~0.2 s; tiny: smoke "
                             "test)")
    parser.add_argument("--markdown", action="store_true",
                        help="print the table as markdown")
    parser.add_argument("--timeout", type=float, default=300.0,
                        help="seconds before one run counts as failed")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    if args.node_threads < 1:
        parser.error("--node-threads must be at least 1")
    return args


def load_average():
    # The 1-minute load average, or None where the system has none.
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return None


def main(argv):
    args = parse_args(argv)
    python_col, layout, measured = make_columns(args)
    load_before = load_average()
    results, failures = run_benchmarks(python_col, measured, args)
    load_after = load_average()
    header, rows = build_rows(layout, results)
    caption = "size %s, median of %d runs, wall time in seconds" % (
        args.size, args.repeat)
    if load_before is not None and load_after is not None:
        caption += ", %d cores, load average %.1f before, %.1f after" % (
            os.cpu_count() or 0, load_before, load_after)
    print(("_%s_" % caption) if args.markdown else caption)
    print()
    if args.markdown:
        print_markdown(header, rows)
    else:
        print_plain(header, rows)
    if failures:
        print()
        print("Failures:")
        for line in failures:
            print(("- " if args.markdown else "  ") + line)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
