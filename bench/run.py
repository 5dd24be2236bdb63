#!/usr/bin/env python3
# Benchmark harness for txpy: runs every benchmark program under each column
# (an interpreter command, possibly with extra arguments), interleaving the
# columns run by run, and prints a table of the best wall times, their
# spread, the ratio of each column to the baseline column, and the geometric
# mean of those ratios.  Also measures interpreter startup (`-c pass`).
#
# Invariants:
# - A run counts only if it exits with status 0 and prints a line starting
#   with "OK " (the programs check their own results).  A failed run marks
#   the benchmark FAILED for that column, its later runs for that column are
#   skipped, and the ratio is left out of the geometric mean.
# - Columns are measured in the same order in every round (column 1, column
#   2, ..., then again), so slow drifts of the machine hit all columns alike.
# - Progress goes to stderr; stdout carries only the tables, so
#   `python3 bench/run.py --markdown > table.md` captures them alone.
#
# To add a column (an STM-off build, a WebAssembly build under Node, a
# JavaScript version of the programs) append a Column to the list built in
# make_columns; to add benchmarks append a Group to GROUPS.  A column whose
# program file does not exist for a benchmark shows "n/a" there.
#
# --wasm / --wasi add the WebAssembly builds' Node launchers (build-wasm/txpy,
# build-wasi/txpy: txpy's own command line) as columns, each with a ratio
# to the native txpy column besides the one to python.
#
# Runs under CPython 3; the interpreters under test are only ever started as
# subprocesses.

import argparse
import math
import os
import shlex
import shutil
import subprocess
import sys
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_DIR = os.path.dirname(BENCH_DIR)

SIZE_NAMES = ("tiny", "quick", "default")


class Benchmark:
    # One program; sizes maps a size name to its command-line argument
    # (None: no argument, the program's own default size).
    def __init__(self, name, tiny, quick):
        self.name = name
        self.sizes = {"tiny": tiny, "quick": quick, "default": None}


class Group:
    # Programs in one directory under bench/, named <benchmark><ext>.
    def __init__(self, name, directory, benchmarks):
        self.name = name
        self.directory = os.path.join(BENCH_DIR, directory)
        self.benchmarks = benchmarks


class Column:
    # One timed column: command = prefix + [program] + [size] + suffix.
    # The program is <group directory>/<benchmark name><ext>.  startup says
    # whether `prefix + ["-c", "pass"]` makes sense for this column.
    def __init__(self, label, prefix, ext=".py", suffix=(), startup=True):
        self.label = label
        self.prefix = list(prefix)
        self.ext = ext
        self.suffix = list(suffix)
        self.startup = startup

    def program(self, group, bench):
        return os.path.join(group.directory, bench.name + self.ext)

    def command(self, group, bench, size_name):
        size = bench.sizes[size_name]
        args = [] if size is None else [str(size)]
        return self.prefix + [self.program(group, bench)] + args + self.suffix


GROUPS = [
    Group("single", "single", [
        Benchmark("nbody", 1000, 20000),
        Benchmark("fannkuch", 7, 8),
        Benchmark("spectral_norm", 10, 100),
        Benchmark("richards", 1, 2),
        Benchmark("nqueens", 6, 8),
        Benchmark("float", 1000, 10000),
        Benchmark("raytrace", 8, 32),
        Benchmark("pystone", 1000, 20000),
        Benchmark("dictstr", 500, 5000),
        Benchmark("deltablue", 1, 10),
        Benchmark("generators", 500, 5000),
        Benchmark("pidigits", 100, 1000),
    ]),
]


class Result:
    # Outcome of one benchmark in one column.
    def __init__(self):
        self.times = []
        self.failure = None
        self.missing = False

    def ok(self):
        return not self.missing and self.failure is None and bool(self.times)

    def best(self):
        return min(self.times)

    def spread(self):
        # (slowest - fastest) / fastest, as a fraction.
        return (max(self.times) - self.best()) / self.best()


def resolve_command(text, what):
    # Splits a command given on the command line and makes its program
    # path absolute: a bare name is looked up on PATH, a path is taken
    # relative to the current directory, else to the repository root.
    argv = shlex.split(text)
    if not argv:
        sys.exit("run.py: empty command for %s" % what)
    program = argv[0]
    if os.sep not in program:
        found = shutil.which(program)
        if found is None:
            sys.exit("run.py: %s: %r not found on PATH" % (what, program))
        return argv
    for base in (os.getcwd(), REPO_DIR):
        candidate = os.path.join(base, program)
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return [os.path.abspath(candidate)] + argv[1:]
    sys.exit("run.py: %s: %r is not an executable file (build it or pass "
             "another command)" % (what, program))


def make_columns(args):
    # The first column is measured first in each round; the baseline
    # column is the denominator of every ratio.  Also returns the extra
    # ratios, (numerator, denominator) column pairs: each WebAssembly
    # column against native txpy.
    txpy = resolve_command(args.txpy, "--txpy")
    python = resolve_command(args.python, "--python")
    columns = [Column("txpy", txpy), Column("python", python)]
    extra = []
    for label, text in (("wasm", args.wasm), ("wasi", args.wasi)):
        if text:
            col = Column(label, resolve_command(text, "--" + label))
            columns.append(col)
            extra.append((col, columns[0]))
    return columns, columns[1], extra


def run_once(command, timeout):
    # Returns (seconds, None) for a verified run, (None, reason) otherwise.
    start = time.perf_counter()
    try:
        proc = subprocess.run(command, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=timeout,
                              cwd=REPO_DIR)
    except subprocess.TimeoutExpired:
        return None, "timeout after %gs" % timeout
    except OSError as err:
        return None, "cannot start: %s" % err
    elapsed = time.perf_counter() - start
    out = proc.stdout.decode("utf-8", "replace")
    err = proc.stderr.decode("utf-8", "replace").strip()
    if proc.returncode != 0:
        last = err.splitlines()[-1] if err else "no message"
        return None, "exit status %d: %s" % (proc.returncode, last)
    if not any(line.startswith("OK ") for line in out.splitlines()):
        first = out.strip().splitlines()[0] if out.strip() else "no output"
        return None, "no OK line: %s" % first
    return elapsed, None


def format_seconds(seconds):
    return "%.3f" % seconds


def run_benchmarks(selected, columns, args):
    # selected: list of (group, benchmark).  Returns {(group, bench name):
    # {column label: Result}}.
    results = {}
    for group, bench in selected:
        row = {}
        for col in columns:
            row[col.label] = Result()
            if not os.path.isfile(col.program(group, bench)):
                row[col.label].missing = True
        for _ in range(args.repeat):
            for col in columns:
                res = row[col.label]
                if res.missing or res.failure is not None:
                    continue
                seconds, failure = run_once(
                    col.command(group, bench, args.size), args.timeout)
                if failure is not None:
                    res.failure = failure
                else:
                    res.times.append(seconds)
        notes = []
        for col in columns:
            res = row[col.label]
            if res.ok():
                notes.append("%s %ss" % (col.label,
                                         format_seconds(res.best())))
            elif res.failure is not None:
                notes.append("%s FAILED" % col.label)
        sys.stderr.write("%-14s %s\n" % (bench.name, "  ".join(notes)))
        results[(group.name, bench.name)] = row
    return results


def measure_startup(columns, runs):
    # Minimum wall time of `-c pass` per column, in seconds (None when the
    # column has no startup command or a run failed).
    best = {}
    for col in columns:
        best[col.label] = None if not col.startup else math.inf
    for _ in range(runs):
        for col in columns:
            if best[col.label] is None:
                continue
            start = time.perf_counter()
            try:
                proc = subprocess.run(col.prefix + ["-c", "pass"],
                                      stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL, timeout=60)
            except (subprocess.TimeoutExpired, OSError):
                best[col.label] = None
                continue
            elapsed = time.perf_counter() - start
            if proc.returncode != 0:
                best[col.label] = None
            else:
                best[col.label] = min(best[col.label], elapsed)
    return best


def geometric_mean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values))


def build_rows(selected, columns, baseline, results, extra=()):
    # Returns (header, rows, failures): cells as strings, failures as
    # "name (column): reason" lines.  extra: more (numerator, denominator)
    # ratio columns, after the ratios to the baseline.
    others = [col for col in columns if col is not baseline]
    header = ["benchmark"] + ["%s s" % col.label for col in columns]
    header += ["%s/%s" % (col.label, baseline.label) for col in others]
    header += ["%s/%s" % (num.label, den.label) for num, den in extra]
    rows = []
    failures = []
    ratios = {col.label: [] for col in others}
    extra_ratios = [[] for _ in extra]
    for group, bench in selected:
        row = results[(group.name, bench.name)]
        cells = [bench.name]
        for col in columns:
            res = row[col.label]
            if res.missing:
                cells.append("n/a")
            elif res.failure is not None:
                cells.append("FAILED")
                failures.append("%s (%s): %s" % (bench.name, col.label,
                                                 res.failure))
            else:
                cells.append("%s ±%.0f%%" % (format_seconds(res.best()),
                                             100.0 * res.spread()))
        base = row[baseline.label]
        for col in others:
            res = row[col.label]
            if res.ok() and base.ok():
                ratio = res.best() / base.best()
                ratios[col.label].append(ratio)
                cells.append("%.2f" % ratio)
            else:
                cells.append("-")
        for (num, den), values in zip(extra, extra_ratios):
            top, bottom = row[num.label], row[den.label]
            if top.ok() and bottom.ok():
                values.append(top.best() / bottom.best())
                cells.append("%.2f" % values[-1])
            else:
                cells.append("-")
        rows.append(cells)
    mean_cells = ["geometric mean"] + [""] * len(columns)
    for values in [ratios[col.label] for col in others] + extra_ratios:
        mean_cells.append("%.2f" % geometric_mean(values) if values else "-")
    rows.append(mean_cells)
    return header, rows, failures


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


def print_startup(columns, baseline, startup, runs, markdown, extra=()):
    measured = [col for col in columns if col.startup]
    if not measured:
        return
    others = [col for col in measured if col is not baseline]
    header = ["startup"] + ["%s ms" % col.label for col in measured]
    row = ["-c pass (min of %d)" % runs]
    for col in measured:
        value = startup[col.label]
        row.append("FAILED" if value is None else "%.1f" % (value * 1000.0))
    pairs = [(col, baseline) for col in others] if baseline in measured else []
    pairs += [(num, den) for num, den in extra if num in measured and den in measured]
    for num, den in pairs:
        header.append("%s/%s" % (num.label, den.label))
        value, base = startup[num.label], startup[den.label]
        if value is None or base is None:
            row.append("-")
        else:
            row.append("%.2f" % (value / base))
    print()
    if markdown:
        print_markdown(header, [row])
    else:
        print_plain(header, [row])


def select(only):
    # Every (group, benchmark) pair, or those named in the --only list.
    pairs = [(g, b) for g in GROUPS for b in g.benchmarks]
    if not only:
        return pairs
    wanted = [name.strip() for name in only.split(",") if name.strip()]
    known = {b.name for _, b in pairs} | {g.name for g in GROUPS}
    unknown = [name for name in wanted if name not in known]
    if unknown:
        sys.exit("run.py: unknown benchmark or group: %s (known: %s)"
                 % (", ".join(unknown), ", ".join(sorted(known))))
    return [(g, b) for g, b in pairs if b.name in wanted or g.name in wanted]


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Run the txpy benchmarks and compare with CPython.")
    parser.add_argument("--txpy", default="build/txpy",
                        help="txpy command (default: build/txpy; may include "
                             "arguments, e.g. 'node build/wasm/txpy.js')")
    parser.add_argument("--python", default="python3",
                        help="reference Python command (default: python3)")
    parser.add_argument("--wasm", nargs="?", const="build-wasm/txpy", default="",
                        help="add a column for the Emscripten build's Node "
                             "launcher (default command: build-wasm/txpy)")
    parser.add_argument("--wasi", nargs="?", const="build-wasi/txpy", default="",
                        help="add a column for the WASI build's Node "
                             "launcher (default command: build-wasi/txpy)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs per benchmark and column (default: 3)")
    parser.add_argument("--only", default="",
                        help="comma-separated benchmark or group names")
    parser.add_argument("--size", choices=SIZE_NAMES, default="default",
                        help="problem size (default: default, ~1-2 s each "
                             "under CPython; quick: ~0.1 s; tiny: smoke test)")
    parser.add_argument("--markdown", action="store_true",
                        help="print the tables as markdown")
    parser.add_argument("--timeout", type=float, default=300.0,
                        help="seconds before one run counts as failed")
    parser.add_argument("--startup-runs", type=int, default=20,
                        help="runs of `-c pass` per column (0: skip)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.startup_runs < 0:
        parser.error("--startup-runs must not be negative")
    return args


def main(argv):
    args = parse_args(argv)
    columns, baseline, extra = make_columns(args)
    selected = select(args.only)
    results = run_benchmarks(selected, columns, args)
    header, rows, failures = build_rows(selected, columns, baseline, results,
                                        extra)
    if args.markdown:
        print_markdown(header, rows)
    else:
        print_plain(header, rows)
    if args.startup_runs:
        startup = measure_startup(columns, args.startup_runs)
        print_startup(columns, baseline, startup, args.startup_runs,
                      args.markdown, extra)
    if failures:
        print()
        print("Failures:")
        for line in failures:
            print(("- " if args.markdown else "  ") + line)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
