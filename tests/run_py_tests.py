#!/usr/bin/env python3
"""Runner for txpy's Python-level test corpora (tests/py/<topic>/*.py by default;
tests/txn and tests/threads with --root).

Each test program is run twice: once with the oracle (CPython, `python3`) and once
with the interpreter under test (`--interp`, a shell-style command line to which the
test's path and the arguments from NAME.py.args are appended).  The test passes when
  * stdout is byte-for-byte identical (expected stdout is NAME.py.exp if present:
    a deliberate difference, explained in NAME.py.exp.why),
  * the exit codes are identical,
  * when the oracle wrote to stderr, the last non-empty stderr lines are equal
    (`# stderr: type` in the test compares only the text before the first ':',
    `# stderr: any` disables the check).

Invariants kept:
  * every run gets a fresh temporary working directory, deleted afterwards, stdin
    from NAME.py.in or empty, and PYTHONHASHSEED=0;
  * the oracle's results are cached under --cache-dir keyed by the content of the
    test, its companion files and its helper modules plus the oracle's version, so
    a rerun only runs the interpreter;
  * outputs are handled as bytes: garbage, non-UTF-8 and huge output never break
    the runner (reports are decoded with backslashreplace and truncated);
  * a timeout or a death by signal is a failure with a readable reason;
  * the last line printed is exactly `N passed, N failed, N skipped`, and the exit
    status is 1 when anything failed (2 for a usage or corpus error).

Transaction and thread corpora (--root tests/txn, --root tests/threads): the
interpreter under test runs each program once per worker count of --workers
(`--workers N` is put before the program's path, or TXPY_WORKERS=N with
--workers-via env), and K times per count with --repeat K or a `# repeat: K` line
in the program; every run must match the oracle, and the first run that does not
(a difference, a crash, a timeout i.e. a hang) ends that program's runs.
--oracle-pythonpath puts a directory (the serial `transaction` module in
reference/) on the oracle's PYTHONPATH; the content of its .py files is part of
the cache key.

Files that are not tests: anything in a directory named `mods`, files whose name
starts with `_` (helper modules imported by the tests next to them), and all
non-.py files.
"""

import argparse
import base64
import concurrent.futures
import difflib
import hashlib
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "py")
REPO = os.path.dirname(HERE)

STDERR_MODE_RE = re.compile(rb"^[ \t]*#[ \t]*stderr:[ \t]*(type|any)\b", re.M)
REPEAT_RE = re.compile(rb"^[ \t]*#[ \t]*repeat:[ \t]*([0-9]+)[ \t]*$", re.M)
MAX_REPORT_LINES = 120
MAX_REPORT_LINE_CHARS = 300
MAX_CAPTURE = 64 * 1024 * 1024  # bytes kept from each stream of one run

# Modules a test may import (besides its own `_mod_*` helpers); checked by --check-corpus.
ALLOWED_MODULES = {"sys", "math", "time", "random", "collections", "itertools",
                   "functools", "string", "json"}
# Also allowed in the corpora outside tests/py (tests/txn, tests/threads).
CONCURRENCY_MODULES = {"transaction", "threading", "_thread"}


# ----------------------------------------------------------------------------
# Discovery
# ----------------------------------------------------------------------------

def is_test_file(path, root=CORPUS):
    name = os.path.basename(path)
    if not name.endswith(".py") or name.startswith("_") or name.startswith("."):
        return False
    rel = os.path.relpath(path, root)
    parts = rel.split(os.sep)
    return "mods" not in parts[:-1]


def discover(paths, root=CORPUS):
    """Return sorted absolute paths of the tests selected by PATHS (all of ROOT if none)."""
    roots = []
    for p in paths or [root]:
        if not os.path.exists(p) and os.path.exists(os.path.join(root, p)):
            p = os.path.join(root, p)
        if not os.path.exists(p):
            raise UsageError("no such test or directory: %s" % p)
        roots.append(os.path.abspath(p))
    found = set()
    for top in roots:
        if os.path.isfile(top):
            if not is_test_file(top, root):
                raise UsageError("not a test file: %s" % top)
            found.add(top)
            continue
        for dirpath, dirnames, filenames in os.walk(top):
            dirnames[:] = sorted(d for d in dirnames
                                 if d != "mods" and d != "__pycache__" and not d.startswith("."))
            for f in filenames:
                full = os.path.join(dirpath, f)
                if is_test_file(full, root):
                    found.add(full)
    return sorted(found)


def rel_name(path, root=CORPUS):
    return os.path.relpath(path, root).replace(os.sep, "/")


class UsageError(Exception):
    pass


def resolve_dir(path, what):
    """An existing directory given relative to the current directory or to the
    repository, as an absolute path (runs happen in temporary directories)."""
    for cand in (path, os.path.join(REPO, path)):
        if os.path.isdir(cand):
            return os.path.abspath(cand)
    raise UsageError("%s: no such directory: %s" % (what, path))


def absolute_cmd(cmd):
    """CMD with each word that names an existing path (containing a '/') made
    absolute: programs run in temporary directories, so `build/txpy` or
    `node build-wasm/txpy.js` must not depend on the current directory."""
    return [os.path.abspath(w) if "/" in w and not w.startswith("-") and os.path.exists(w)
            else w for w in cmd]


def parse_workers(text):
    """'1,2,4,8' -> [1, 2, 4, 8]; None (no --workers) -> [None]."""
    if text is None:
        return [None]
    counts = []
    for part in text.split(","):
        part = part.strip()
        if not part.isdigit() or int(part) < 1:
            raise UsageError("--workers wants positive integers separated by commas, "
                             "got %r" % text)
        counts.append(int(part))
    return counts


def read_skip_files(skip_files):
    """Map test name (relative to the corpus root) -> reason."""
    skips = {}
    for sf in skip_files:
        try:
            with open(sf, "r", encoding="utf-8") as fh:
                lines = fh.read().splitlines()
        except OSError as e:
            raise UsageError("cannot read skip file %s: %s" % (sf, e))
        for lineno, line in enumerate(lines, 1):
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            path, sep, reason = stripped.partition("#")
            path, reason = path.strip(), reason.strip()
            if not sep or not reason:
                raise UsageError("%s:%d: a skip entry needs a reason: `path  # reason`"
                                 % (sf, lineno))
            skips[path.replace(os.sep, "/")] = reason
    return skips


# ----------------------------------------------------------------------------
# Running one program
# ----------------------------------------------------------------------------

class Result:
    __slots__ = ("stdout", "stderr", "rc", "timed_out", "seconds")

    def __init__(self, stdout, stderr, rc, timed_out, seconds):
        self.stdout, self.stderr, self.rc = stdout, stderr, rc
        self.timed_out, self.seconds = timed_out, seconds

    def to_json(self):
        return {"stdout": base64.b64encode(self.stdout).decode("ascii"),
                "stderr": base64.b64encode(self.stderr).decode("ascii"),
                "rc": self.rc, "timed_out": self.timed_out, "seconds": self.seconds}

    @classmethod
    def from_json(cls, d):
        return cls(base64.b64decode(d["stdout"]), base64.b64decode(d["stderr"]),
                   d["rc"], d["timed_out"], d.get("seconds", 0.0))


def test_env(hashseed="0", extra=None):
    env = dict(os.environ)
    for k in list(env):
        if k.startswith("PYTHON"):
            del env[k]
    env["PYTHONHASHSEED"] = hashseed
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONUTF8"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(extra or {})
    return env


def pythonpath_env(dirs):
    """The environment entries that put DIRS (absolute) on PYTHONPATH."""
    return {"PYTHONPATH": os.pathsep.join(dirs)} if dirs else {}


def workers_setup(count, via):
    """(arguments before the program, environment entries) for a worker count."""
    if count is None:
        return [], {}
    if via == "env":
        return [], {"TXPY_WORKERS": str(count)}
    return ["--workers", str(count)], {}


def test_args(test):
    argf = test + ".args"
    if not os.path.exists(argf):
        return []
    with open(argf, "r", encoding="utf-8") as fh:
        line = fh.read().strip()
    return shlex.split(line)


def kill_group(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (OSError, AttributeError):
        try:
            proc.kill()
        except OSError:
            pass


def run_program(cmd, test, timeout, hashseed="0", pre_args=(), extra_env=None):
    """Run cmd + pre_args + [test] + args in a fresh temp dir, with extra_env added
    to the environment; never raises for program faults."""
    argv = list(cmd) + list(pre_args) + [test] + test_args(test)
    infile = test + ".in"
    tmp = tempfile.mkdtemp(prefix="txpy-test-")
    stdin = open(infile, "rb") if os.path.exists(infile) else subprocess.DEVNULL
    start = time.monotonic()
    try:
        try:
            proc = subprocess.Popen(argv, cwd=tmp, stdin=stdin, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, env=test_env(hashseed, extra_env),
                                    start_new_session=True)
        except OSError as e:  # rc None marks "could not run at all"
            return Result(b"", ("cannot start %s: %s" % (argv[0], e)).encode(), None,
                          False, 0.0)
        timed_out = False
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            kill_group(proc)
            out, err = proc.communicate()
        else:
            kill_group(proc)  # reap stray children of the test, if any
        return Result(out[:MAX_CAPTURE], err[:MAX_CAPTURE], proc.returncode, timed_out,
                      time.monotonic() - start)
    finally:
        if stdin is not subprocess.DEVNULL:
            stdin.close()
        shutil.rmtree(tmp, ignore_errors=True)


# ----------------------------------------------------------------------------
# Oracle cache
# ----------------------------------------------------------------------------

_version_lock = threading.Lock()
_version_cache = {}


def oracle_version(python_cmd):
    key = tuple(python_cmd)
    with _version_lock:
        if key not in _version_cache:
            try:
                v = subprocess.run(list(python_cmd) + ["-c", "import sys; print(sys.version)"],
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                   timeout=60, env=test_env()).stdout.strip()
            except (OSError, subprocess.TimeoutExpired) as e:
                raise UsageError("cannot run the oracle %s: %s" % (" ".join(python_cmd), e))
            if not v:
                raise UsageError("the oracle %s printed no version" % " ".join(python_cmd))
            _version_cache[key] = v
        return _version_cache[key]


def helper_files(test):
    """Files whose content influences a test's behaviour besides the test itself."""
    d = os.path.dirname(test)
    out = []
    for f in sorted(os.listdir(d)):
        if f.startswith("_") and f.endswith(".py"):
            out.append(os.path.join(d, f))
    mods = os.path.join(d, "mods")
    if os.path.isdir(mods):
        for dirpath, dirnames, filenames in os.walk(mods):
            dirnames.sort()
            for f in sorted(filenames):
                if f.endswith(".py"):
                    out.append(os.path.join(dirpath, f))
    return out


def pythonpath_files(dirs):
    """The .py files of the PYTHONPATH directories DIRS, in a fixed order."""
    out = []
    for d in dirs:
        for dirpath, dirnames, filenames in os.walk(d):
            dirnames[:] = sorted(x for x in dirnames if x != "__pycache__")
            out.extend(os.path.join(dirpath, f) for f in sorted(filenames)
                       if f.endswith(".py"))
    return out


def cache_key(test, python_cmd, pythonpath=()):
    h = hashlib.sha256()
    h.update(oracle_version(python_cmd))
    for d in pythonpath:
        h.update(b"\0pythonpath\0" + d.encode("utf-8", "surrogateescape"))
    for f in [test, test + ".args", test + ".in"] + helper_files(test) + \
            pythonpath_files(pythonpath):
        h.update(b"\0" + os.path.basename(f).encode() + b"\0")
        if os.path.exists(f):
            with open(f, "rb") as fh:
                h.update(fh.read())
        else:
            h.update(b"<absent>")
    return h.hexdigest()


def oracle_result(test, python_cmd, cache_dir, timeout, pythonpath=()):
    key = cache_key(test, python_cmd, pythonpath)
    path = os.path.join(cache_dir, key[:2], key + ".json") if cache_dir else None
    if path and os.path.exists(path):
        try:
            with open(path, "r", encoding="ascii") as fh:
                return Result.from_json(json.load(fh))
        except (OSError, ValueError, KeyError):
            pass  # corrupt entry: recompute
    res = run_program(python_cmd, test, timeout, extra_env=pythonpath_env(pythonpath))
    if path and not res.timed_out and res.rc is not None:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = path + ".%d.%d.tmp" % (os.getpid(), threading.get_ident())
        with open(tmp, "w", encoding="ascii") as fh:
            json.dump(res.to_json(), fh)
        os.replace(tmp, path)
    return res


# ----------------------------------------------------------------------------
# Comparison and reporting
# ----------------------------------------------------------------------------

def last_line(data):
    for line in reversed(data.splitlines()):
        if line.strip():
            return line.rstrip(b"\r")
    return b""


def show(data, limit=MAX_REPORT_LINE_CHARS):
    if isinstance(data, bytes):
        data = data[:limit * 4].decode("utf-8", "backslashreplace")
    s = "".join(c if c.isprintable() or c == "\t" else "\\x%02x" % ord(c)
                if ord(c) < 0x100 else "\\u%04x" % ord(c) for c in data[:limit * 4])
    return s if len(s) <= limit else s[:limit] + "...[truncated]"


def describe_exit(rc, timed_out, timeout):
    if rc is None:
        return "could not be started"
    if timed_out:
        return "timed out after %gs" % timeout
    if rc is not None and rc < 0:
        try:
            return "crashed with %s" % signal.Signals(-rc).name
        except ValueError:
            return "crashed with signal %d" % -rc
    return "exit code %s" % rc


def stdout_diff(expected, actual):
    exp = [show(l) for l in expected.splitlines()]
    act = [show(l) for l in actual.splitlines()]
    if exp == act:
        return ["  (stdout differs only in line endings or a final newline: expected %s, got %s)"
                % (show(expected[-20:]), show(actual[-20:]))]
    lines = list(difflib.unified_diff(exp, act, "expected", "actual", lineterm="", n=2))
    if len(lines) > MAX_REPORT_LINES:
        lines = lines[:MAX_REPORT_LINES] + ["... (%d more diff lines)"
                                           % (len(lines) - MAX_REPORT_LINES)]
    return ["  " + l for l in lines]


def repeat_pragma(test):
    """The K of a `# repeat: K` line in the test (1 if none)."""
    with open(test, "rb") as fh:
        m = REPEAT_RE.search(fh.read())
    return max(1, int(m.group(1))) if m else 1


def stderr_mode(test):
    with open(test, "rb") as fh:
        m = STDERR_MODE_RE.search(fh.read())
    return m.group(1).decode() if m else "line"


def compare(test, expected_stdout, oracle, got, timeout):
    """Return (ok, reasons, detail-lines)."""
    reasons, detail = [], []
    if got.rc is None:
        return False, [show(got.stderr)], []
    if got.timed_out or got.rc < 0:
        reasons.append(describe_exit(got.rc, got.timed_out, timeout))
    elif got.rc != oracle.rc:
        reasons.append("exit code %s, expected %s" % (got.rc, oracle.rc))
    if got.stdout != expected_stdout:
        exp_lines, got_lines = expected_stdout.splitlines(), got.stdout.splitlines()
        first = next((i for i, (a, b) in enumerate(zip(exp_lines, got_lines)) if a != b),
                     min(len(exp_lines), len(got_lines)))
        reasons.append("stdout differs at line %d" % (first + 1))
        detail.extend(stdout_diff(expected_stdout, got.stdout))
    mode = stderr_mode(test)
    if oracle.stderr.strip() and mode != "any":
        want, have = last_line(oracle.stderr), last_line(got.stderr)
        if mode == "type":
            want, have = want.split(b":", 1)[0], have.split(b":", 1)[0]
        if want.strip() != have.strip():
            reasons.append("stderr last line %r, expected %r" % (show(have, 160),
                                                                 show(want, 160)))
    if reasons and got.stderr.strip():
        tail = got.stderr.splitlines()[-8:]
        detail.append("  interp stderr (tail):")
        detail.extend("    " + show(l) for l in tail)
    return not reasons, reasons, detail


# ----------------------------------------------------------------------------
# Corpus self-check (against the oracle only)
# ----------------------------------------------------------------------------

ADDRESS_RE = re.compile(rb" at 0x[0-9a-fA-F]{4,}")


def check_corpus_one(test, python_cmd, timeout, slow, root=CORPUS, pythonpath=(),
                     extra_runs=0):
    """Problems with a test as a CPython-checked test (determinism, imports, speed).
    EXTRA_RUNS more runs with the base hash seed look for thread-scheduling
    nondeterminism."""
    import ast
    problems = []
    name = rel_name(test, root)
    allowed = ALLOWED_MODULES if root == CORPUS else ALLOWED_MODULES | CONCURRENCY_MODULES
    env = pythonpath_env(pythonpath)
    with open(test, "rb") as fh:
        src = fh.read()
    if not name.startswith("syntax_errors/"):
        try:
            tree = ast.parse(src, test)
        except SyntaxError as e:
            tree = None
            problems.append("does not parse (%s); only syntax_errors/ may" % e.msg)
        for node in ast.walk(tree) if tree else ():
            mods = []
            if isinstance(node, ast.Import):
                mods = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                mods = [node.module or ""]
            for m in mods:
                top = m.split(".")[0]
                if top not in allowed and not top.startswith("_mod_") \
                        and not top.startswith("nosuch"):
                    problems.append("imports a module not in txpy's list: %s" % m)
    if os.path.exists(test + ".exp") and not os.path.exists(test + ".exp.why"):
        problems.append("has a .exp file without a .exp.why")
    base = run_program(python_cmd, test, timeout, "0", extra_env=env)
    if base.rc is None or base.timed_out or base.rc < 0:
        problems.append("oracle " + describe_exit(base.rc, base.timed_out, timeout))
    head = b"\n".join(src.splitlines()[:3]).lower()
    if base.rc not in (0, None) and not name.startswith("syntax_errors/") \
            and b"exit" not in head:
        problems.append("exits with %s but its first lines do not mention `exit`" % base.rc)
    if ADDRESS_RE.search(base.stdout):
        problems.append("stdout shows an object address")
    slowest = base.seconds
    for i, seed in enumerate(["1", "12345"] + ["0"] * extra_runs):
        other = run_program(python_cmd, test, timeout, seed, extra_env=env)
        slowest = max(slowest, other.seconds)
        if other.stdout != base.stdout or other.rc != base.rc or \
                last_line(other.stderr) != last_line(base.stderr):
            if i < 2:
                problems.append("output depends on PYTHONHASHSEED (seed %s)" % seed)
            else:
                problems.append("output differs between two runs (run %d)" % (i + 3))
            break
    if slowest > slow:
        problems.append("slow under the oracle: %.2fs" % slowest)
    if base.stderr.strip() and base.rc == 0 and b"stderr" not in src:
        problems.append("writes to stderr (a warning?) but exits 0: %s"
                        % show(last_line(base.stderr), 100))
    return problems


# ----------------------------------------------------------------------------
# Main
# ----------------------------------------------------------------------------

def main(argv=None):
    ap = argparse.ArgumentParser(description="Run txpy's Python test corpus against "
                                             "CPython's output.")
    ap.add_argument("--interp", help="command line of the interpreter under test "
                                     "(shlex-split), e.g. 'build/txpy'")
    ap.add_argument("--python", default="python3",
                    help="command line of the oracle (default: python3)")
    ap.add_argument("--jobs", "-j", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds per run")
    ap.add_argument("--skip-file", action="append", default=[],
                    help="file of `path  # reason` lines; repeatable")
    ap.add_argument("--filter", action="append", default=[],
                    help="run only tests whose path contains SUBSTR; repeatable (any)")
    ap.add_argument("--verbose", "-v", action="store_true",
                    help="show a unified diff of stdout and stderr tails for failures")
    ap.add_argument("--list", action="store_true", help="print the test paths and exit")
    ap.add_argument("--cache-dir", default=os.environ.get(
        "TXPY_TEST_CACHE", os.path.join(REPO, "build", "py-test-cache")),
        help="oracle result cache (default build/py-test-cache; '' disables)")
    ap.add_argument("--check-corpus", action="store_true",
                    help="check the tests themselves under the oracle: determinism "
                         "across hash seeds, allowed imports, speed (no --interp needed)")
    ap.add_argument("--slow", type=float, default=0.5,
                    help="--check-corpus: seconds above which a test is too slow")
    ap.add_argument("--root", default=CORPUS,
                    help="corpus directory (default tests/py), e.g. tests/txn or "
                         "tests/threads; test names and skip entries are relative to it")
    ap.add_argument("--workers", metavar="N,N,...",
                    help="run every test under the interpreter once per worker count "
                         "(e.g. 1,2,4,8); each count must match the oracle")
    ap.add_argument("--workers-via", choices=("arg", "env"), default="arg",
                    help="how a worker count reaches the interpreter: `--workers N` "
                         "before the program (default) or TXPY_WORKERS=N")
    ap.add_argument("--repeat", type=int, metavar="K",
                    help="run each test K times per worker count, overriding the "
                         "`# repeat: K` lines; with --check-corpus, K-1 more oracle "
                         "runs look for nondeterminism")
    ap.add_argument("--oracle-pythonpath", action="append", default=[], metavar="DIR",
                    help="put DIR on the oracle's PYTHONPATH (e.g. reference); repeatable")
    ap.add_argument("--interp-pythonpath", action="append", default=[], metavar="DIR",
                    help="put DIR on the PYTHONPATH of the interpreter under test "
                         "(to prove a corpus with --interp python3); repeatable")
    ap.add_argument("--slowest", type=int, default=0, metavar="N",
                    help="before the summary, list the N tests that took the most "
                         "time under the interpreter (all runs)")
    ap.add_argument("paths", nargs="*", help="test files or directories (default: all)")
    args = ap.parse_args(argv)

    try:
        if not os.path.isdir(args.root):
            raise UsageError("--root: no such directory: %s" % args.root)
        root = os.path.abspath(args.root)
        tests = discover(args.paths, root)
        if args.filter:
            tests = [t for t in tests if any(f in rel_name(t, root) for f in args.filter)]
        if args.list:
            if hasattr(signal, "SIGPIPE"):  # `--list | head` ends quietly
                signal.signal(signal.SIGPIPE, signal.SIG_DFL)
            for t in tests:
                print(rel_name(t, root))
            return 0
        skips = read_skip_files(args.skip_file)
        python_cmd = absolute_cmd(shlex.split(args.python))
        if not python_cmd:
            raise UsageError("--python is empty")
        oracle_path = [resolve_dir(d, "--oracle-pythonpath") for d in args.oracle_pythonpath]
        interp_path = [resolve_dir(d, "--interp-pythonpath") for d in args.interp_pythonpath]
        worker_counts = parse_workers(args.workers)
        if args.repeat is not None and args.repeat < 1:
            raise UsageError("--repeat wants a positive count, got %d" % args.repeat)
        if args.check_corpus:
            return check_corpus(tests, python_cmd, args, root, oracle_path)
        if not args.interp:
            raise UsageError("--interp is required (or use --list / --check-corpus)")
        interp_cmd = absolute_cmd(shlex.split(args.interp))
        if not interp_cmd:
            raise UsageError("--interp is empty")
        oracle_version(python_cmd)
    except UsageError as e:
        print("run_py_tests: %s" % e, file=sys.stderr)
        return 2

    all_names = {rel_name(t, root) for t in discover([], root)}
    for s in sorted(skips):
        if s not in all_names:
            print("run_py_tests: warning: skip entry matches no test: %s" % s,
                  file=sys.stderr)

    cache_dir = args.cache_dir or None
    counts = {"passed": 0, "failed": 0, "skipped": 0}
    lock = threading.Lock()
    interp_seconds = {}  # test name -> total seconds of its interpreter runs
    several = len(worker_counts) > 1 or worker_counts[0] is not None

    def one(test):
        name = rel_name(test, root)
        if name in skips:
            return name, "skip", [], []
        try:
            oracle = oracle_result(test, python_cmd, cache_dir, args.timeout, oracle_path)
            if oracle.rc is None or oracle.timed_out or oracle.rc < 0:
                return name, "fail", ["oracle " + describe_exit(oracle.rc, oracle.timed_out,
                                                                args.timeout)], []
            expected = oracle.stdout
            if os.path.exists(test + ".exp"):
                with open(test + ".exp", "rb") as fh:
                    expected = fh.read()
            runs = args.repeat if args.repeat is not None else repeat_pragma(test)
            spent = 0.0
            try:
                for count in worker_counts:
                    pre_args, env = workers_setup(count, args.workers_via)
                    env.update(pythonpath_env(interp_path))
                    for i in range(runs):
                        got = run_program(interp_cmd, test, args.timeout,
                                          pre_args=pre_args, extra_env=env)
                        spent += got.seconds
                        ok, reasons, detail = compare(test, expected, oracle, got,
                                                      args.timeout)
                        if not ok:
                            where = []
                            if several:
                                where.append("workers %s" % count)
                            if runs > 1:
                                where.append("run %d of %d" % (i + 1, runs))
                            if where:
                                reasons[0] = "[%s] %s" % (", ".join(where), reasons[0])
                            return name, "fail", reasons, detail
            finally:
                with lock:
                    interp_seconds[name] = spent
            return name, "pass", [], []
        except Exception as e:  # a runner fault must not hide the other results
            return name, "fail", ["runner error: %s: %s" % (type(e).__name__, e)], []

    def report(item):
        name, status, reasons, detail = item
        with lock:
            if status == "skip":
                counts["skipped"] += 1
            elif status == "pass":
                counts["passed"] += 1
            else:
                counts["failed"] += 1
                print("FAIL %s: %s" % (name, "; ".join(reasons)), flush=True)
                if args.verbose:
                    for l in detail:
                        print(l)
                    sys.stdout.flush()

    jobs = max(1, args.jobs)
    if jobs == 1:
        for t in tests:
            report(one(t))
    else:
        with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as ex:
            for item in ex.map(one, tests):
                report(item)
    if args.slowest > 0 and interp_seconds:
        ranked = sorted(interp_seconds.items(), key=lambda kv: (-kv[1], kv[0]))
        print("slowest (seconds under the interpreter, all runs; total %.1f):"
              % sum(interp_seconds.values()))
        for name, secs in ranked[:args.slowest]:
            print("  %7.2f  %s" % (secs, name))
    print("%d passed, %d failed, %d skipped" % (counts["passed"], counts["failed"],
                                                counts["skipped"]))
    return 1 if counts["failed"] else 0


def check_corpus(tests, python_cmd, args, root=CORPUS, pythonpath=()):
    bad = 0
    extra_runs = (args.repeat or 1) - 1
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        futs = [(t, ex.submit(check_corpus_one, t, python_cmd, args.timeout, args.slow,
                              root, pythonpath, extra_runs))
                for t in tests]
        for t, f in futs:
            problems = f.result()
            if problems:
                bad += 1
                print("BAD %s: %s" % (rel_name(t, root), "; ".join(problems)), flush=True)
    print("%d tests checked, %d with problems" % (len(tests), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
