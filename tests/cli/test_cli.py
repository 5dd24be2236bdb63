#!/usr/bin/env python3
"""Command-line tests for txpy, checked against CPython's behaviour.

Usage: python3 tests/cli/test_cli.py --interp "build/txpy" [--oracle-is-python]
                                     [--timeout 20] [--verbose] [--filter SUBSTR]

Each check runs the interpreter (a shlex-split command line, so `node build-wasm/txpy`
works) in a fresh temporary directory and looks at its exit status, stdout and stderr:
  -c code / sys.argv, running a file with arguments, `-` (program from stdin),
  exit statuses 0/1/2/3, usage errors (unknown option, missing file), --version,
  --help, traceback and SyntaxError layout, output without a final newline, and
  the interactive prompt driven through a pseudo-terminal.

`--oracle-is-python` relaxes the only checks where txpy must differ from python3:
the version text (`txpy ...` vs `Python ...`).  With it, every check must pass when
the interpreter is python3 itself; that is how the checks are validated.

Invariants: every child gets its own temporary cwd and a timeout; the last line is
`N passed, N failed`; the exit status is 1 when any check failed.
"""

import argparse
import os
import re
import select
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


class CheckFailed(Exception):
    pass


class Ctx:
    """What a check needs: the interpreter command and a scratch directory."""

    def __init__(self, interp, oracle_is_python, timeout):
        self.interp = interp
        self.oracle_is_python = oracle_is_python
        self.timeout = timeout
        self.tmp = None

    def env(self):
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        env["PYTHONIOENCODING"] = "utf-8"
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env["PYTHONHASHSEED"] = "0"
        env["TERM"] = "dumb"
        return env

    def write(self, name, text):
        path = os.path.join(self.tmp, name)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        return name

    def run(self, args, stdin=b""):
        """Run interp + args; return (rc, stdout, stderr) as (int, str, str)."""
        argv = self.interp + list(args)
        try:
            proc = subprocess.run(argv, input=stdin, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, cwd=self.tmp, env=self.env(),
                                  timeout=self.timeout)
        except subprocess.TimeoutExpired:
            raise CheckFailed("timed out after %gs: %s" % (self.timeout, shlex.join(argv)))
        except OSError as e:
            raise CheckFailed("cannot run %s: %s" % (shlex.join(argv), e))
        if proc.returncode < 0:
            try:
                name = signal.Signals(-proc.returncode).name
            except ValueError:
                name = "signal %d" % -proc.returncode
            raise CheckFailed("crashed with %s: %s" % (name, shlex.join(argv)))
        return (proc.returncode, proc.stdout.decode("utf-8", "replace"),
                proc.stderr.decode("utf-8", "replace"))


def expect(cond, what, *details):
    if not cond:
        msg = what
        for d in details:
            msg += "\n      " + (d if len(d) < 2000 else d[:2000] + "...").replace(
                "\n", "\n      ")
        raise CheckFailed(msg)


def expect_eq(got, want, what):
    expect(got == want, "%s: got %r, expected %r" % (what, got, want))


def last_line(text):
    lines = [l for l in text.splitlines() if l.strip()]
    return lines[-1] if lines else ""


def expect_lines_in_order(text, patterns, what):
    """Each regex in patterns must match a whole line, in order (other lines may sit
    between them, e.g. CPython's ^^^^ marker lines)."""
    lines = text.splitlines()
    i = 0
    for pat in patterns:
        rx = re.compile(pat)
        while i < len(lines) and not rx.fullmatch(lines[i]):
            i += 1
        expect(i < len(lines), "%s: no line matching %r (in order)" % (what, pat),
               "stderr was:", text)
        i += 1


# ----------------------------------------------------------------------------
# The checks
# ----------------------------------------------------------------------------

def check_c_argv(ctx):
    rc, out, err = ctx.run(["-c", "import sys; print(sys.argv)"])
    expect_eq(rc, 0, "exit status")
    expect_eq(out, "['-c']\n", "stdout")
    rc, out, err = ctx.run(["-c", "import sys; print(sys.argv)", "a", "b c", "-x"])
    expect_eq(out, "['-c', 'a', 'b c', '-x']\n", "stdout with arguments")


def check_c_multiline(ctx):
    code = "def f(n):\n    return n * 2\nfor i in range(3):\n    print(f(i))\n"
    rc, out, err = ctx.run(["-c", code])
    expect_eq((rc, out), (0, "0\n2\n4\n"), "exit status and stdout")


def check_file_with_args(ctx):
    ctx.write("prog.py", "import sys\nprint(sys.argv[1:])\nprint(sys.argv[0])\n"
                         "print(__name__)\n")
    rc, out, err = ctx.run(["prog.py", "one", "two words", "--opt=3", "-v"])
    expect_eq(rc, 0, "exit status")
    expect_eq(out.splitlines()[0], "['one', 'two words', '--opt=3', '-v']", "argv[1:]")
    expect_eq(out.splitlines()[1], "prog.py", "argv[0] (the path as given)")
    expect_eq(out.splitlines()[2], "__main__", "__name__")


def check_script_dir_on_path(ctx):
    os.mkdir(os.path.join(ctx.tmp, "sub"))
    ctx.write("sub/helper_mod.py", "VALUE = 'from helper'\n")
    ctx.write("sub/main.py", "import helper_mod\nprint(helper_mod.VALUE)\n")
    rc, out, err = ctx.run(["sub/main.py"])
    expect_eq((rc, out), (0, "from helper\n"), "importing a module next to the script")


def check_stdin_dash(ctx):
    prog = b"import sys\nprint(sys.argv)\nprint(sum(range(5)))\n"
    rc, out, err = ctx.run(["-", "a", "b"], stdin=prog)
    expect_eq(rc, 0, "exit status")
    expect_eq(out, "['-', 'a', 'b']\n10\n", "stdout")


def check_exit_statuses(ctx):
    rc, out, err = ctx.run(["-c", "pass"])
    expect_eq(rc, 0, "status of an empty program")
    rc, out, err = ctx.run(["-c", "raise ValueError('x')"])
    expect_eq(rc, 1, "status after an uncaught exception")
    expect_eq(last_line(err), "ValueError: x", "last stderr line")
    rc, out, err = ctx.run(["-c", "import sys; sys.exit(3)"])
    expect_eq(rc, 3, "status of sys.exit(3)")
    rc, out, err = ctx.run(["-c", "raise SystemExit(7)"])
    expect_eq((rc, err), (7, ""), "status and stderr of raise SystemExit(7)")
    rc, out, err = ctx.run(["-c", "import sys; sys.exit('bye')"])
    expect_eq((rc, err), (1, "bye\n"), "status and stderr of sys.exit('bye')")
    rc, out, err = ctx.run(["-c", "import sys; sys.exit(None)"])
    expect_eq(rc, 0, "status of sys.exit(None)")


def check_sys_exit_file(ctx):
    ctx.write("ex.py", "import sys\nprint('before')\nsys.exit(3)\nprint('after')\n")
    rc, out, err = ctx.run(["ex.py"])
    expect_eq((rc, out), (3, "before\n"), "status and stdout")


def check_unknown_option(ctx):
    rc, out, err = ctx.run(["--no-such-option-xyz"])
    expect_eq(rc, 2, "exit status")
    expect("usage" in err.lower(), "stderr should contain a usage message", "stderr:", err)
    expect_eq(out, "", "stdout")
    rc, out, err = ctx.run(["-Z"])
    expect_eq(rc, 2, "exit status for -Z")


def check_missing_c_argument(ctx):
    rc, out, err = ctx.run(["-c"])
    expect_eq(rc, 2, "exit status of -c without code")
    expect(err.strip() != "", "stderr should explain the error")


def check_missing_file(ctx):
    rc, out, err = ctx.run(["no_such_file.py"])
    expect_eq(rc, 2, "exit status")
    expect("can't open file" in err, "stderr should say \"can't open file\"", "stderr:", err)
    expect("no_such_file.py" in err, "stderr should name the file", "stderr:", err)
    expect_eq(out, "", "stdout")


def check_version(ctx):
    rc, out, err = ctx.run(["--version"])
    expect_eq(rc, 0, "exit status")
    text = (out or err).strip()
    prefix = "Python " if ctx.oracle_is_python else "txpy "
    expect(text.startswith(prefix), "version text should start with %r: got %r" % (prefix, text))
    expect(re.search(r"\d", text) is not None, "version text should contain a version number")


def check_help(ctx):
    rc, out, err = ctx.run(["--help"])
    expect_eq(rc, 0, "exit status")
    expect("usage" in out.lower(), "stdout should contain a usage message", "stdout:", out)
    expect("-c" in out, "help should mention -c", "stdout:", out)


def check_traceback_format(ctx):
    ctx.write("tb.py", "def inner(x):\n"
                       "    return 10 // x\n"
                       "\n"
                       "def outer():\n"
                       "    return inner(0)\n"
                       "\n"
                       "print('start')\n"
                       "outer()\n")
    rc, out, err = ctx.run(["tb.py"])
    expect_eq((rc, out), (1, "start\n"), "status and stdout")
    expect_lines_in_order(err, [
        r"Traceback \(most recent call last\):",
        r'  File ".*tb\.py", line 8, in <module>',
        r"    outer\(\)",
        r'  File ".*tb\.py", line 5, in outer',
        r"    return inner\(0\)",
        r'  File ".*tb\.py", line 2, in inner',
        r"    return 10 // x",
        r"ZeroDivisionError: integer division or modulo by zero",
    ], "traceback")
    expect_eq(last_line(err), "ZeroDivisionError: integer division or modulo by zero",
              "last line")


def check_traceback_chained(ctx):
    ctx.write("ch.py", "try:\n"
                       "    {}['k']\n"
                       "except KeyError as e:\n"
                       "    raise RuntimeError('wrapped') from e\n")
    rc, out, err = ctx.run(["ch.py"])
    expect_eq(rc, 1, "exit status")
    expect_lines_in_order(err, [
        r"Traceback \(most recent call last\):",
        r'  File ".*ch\.py", line 2, in <module>',
        r"KeyError: 'k'",
        r"",
        r"The above exception was the direct cause of the following exception:",
        r"",
        r"Traceback \(most recent call last\):",
        r'  File ".*ch\.py", line 4, in <module>',
        r"RuntimeError: wrapped",
    ], "chained traceback")


def check_traceback_c_and_stdin(ctx):
    rc, out, err = ctx.run(["-c", "x = 1\nx.nope"])
    expect_eq(rc, 1, "exit status")
    expect_lines_in_order(err, [
        r"Traceback \(most recent call last\):",
        r'  File "<string>", line 2, in <module>',
        r"AttributeError: 'int' object has no attribute 'nope'",
    ], "traceback of -c code")
    rc, out, err = ctx.run(["-"], stdin=b"print('ok')\n[][3]\n")
    expect_eq((rc, out), (1, "ok\n"), "status and stdout of a failing stdin program")
    expect_lines_in_order(err, [
        r"Traceback \(most recent call last\):",
        r'  File "<stdin>", line 2, in <module>',
        r"IndexError: list index out of range",
    ], "traceback of a stdin program")


def check_syntax_error_format(ctx):
    ctx.write("se.py", "print('never runs')\n"
                       "x = (1 +\n"
                       "if True:\n"
                       "    pass\n")
    ctx.write("se2.py", "a = 1\n"
                        "b = a a\n")
    rc, out, err = ctx.run(["se2.py"])
    expect_eq((rc, out), (1, ""), "status and stdout")
    expect_lines_in_order(err, [
        r'  File ".*se2\.py", line 2',
        r"    b = a a",
        r"\s*\^+\s*",
        r"SyntaxError: invalid syntax",
    ], "SyntaxError report")
    expect("Traceback" not in err, "a SyntaxError in the main file has no Traceback header",
           "stderr:", err)
    rc, out, err = ctx.run(["se.py"])
    expect_eq((rc, out), (1, ""), "status and stdout (unclosed paren)")
    expect(last_line(err).startswith("SyntaxError: "), "last line should be a SyntaxError",
           "stderr:", err)
    expect_lines_in_order(err, [r'  File ".*se\.py", line \d+'], "File line")


def check_indentation_error(ctx):
    ctx.write("ind.py", "if True:\n        x = 1\n    y = 2\n")
    rc, out, err = ctx.run(["ind.py"])
    expect_eq(rc, 1, "exit status")
    expect_eq(last_line(err),
              "IndentationError: unindent does not match any outer indentation level",
              "last line")


def check_no_trailing_newline(ctx):
    rc, out, err = ctx.run(["-c", "print('abc', end='')"])
    expect_eq((rc, out), (0, "abc"), "print(end='')")
    rc, out, err = ctx.run(["-c", "import sys; sys.stdout.write('xyz')"])
    expect_eq(out, "xyz", "sys.stdout.write without newline")
    rc, out, err = ctx.run(["-c", "print('partial', end=''); 1/0"])
    expect_eq((rc, out), (1, "partial"), "output before an uncaught exception")
    rc, out, err = ctx.run(["-c", "import sys; print('p', end=''); sys.exit(5)"])
    expect_eq((rc, out), (5, "p"), "output before sys.exit")


def check_large_output(ctx):
    rc, out, err = ctx.run(["-c", "for i in range(20000): print(i)"])
    expect_eq(rc, 0, "exit status")
    lines = out.splitlines()
    expect_eq((len(lines), lines[0], lines[-1]), (20000, "0", "19999"), "output lines")


def check_stdin_input(ctx):
    ctx.write("inp.py", "a = input()\nb = input('prompt: ')\nprint(a.upper(), b[::-1])\n")
    rc, out, err = ctx.run(["inp.py"], stdin=b"hello\nworld\n")
    expect_eq((rc, out), (0, "prompt: HELLO dlrow\n"), "status and stdout")


def check_unclosed_files_flushed(ctx):
    # CPython flushes files still open at exit (normal end, sys.exit, an
    # uncaught exception): so must txpy.
    for end, want_rc in (("pass", 0), ("import sys; sys.exit(3)", 3), ("1/0", 1)):
        code = ("f = open('out.txt', 'w')\nf.write('line 1\\n')\n"
                "g = open('big.bin', 'wb')\ng.write(b'x' * 100000)\n" + end + "\n")
        rc, out, err = ctx.run(["-c", code])
        expect_eq(rc, want_rc, "exit status after %r" % end)
        with open(os.path.join(ctx.tmp, "out.txt")) as fh:
            expect_eq(fh.read(), "line 1\n", "out.txt after %r" % end)
        expect_eq(os.path.getsize(os.path.join(ctx.tmp, "big.bin")), 100000,
                  "size of big.bin after %r" % end)


def check_contention_managed(ctx):
    # Every transaction reads and writes one counter first: run side by
    # side, nearly all of them would abort.  The contention manager must
    # notice and start them in turn, keeping aborts to its probe windows
    # (at most a few dozen of 200, each retried at most twice).
    ctx.write("cm.py", "import transaction\n"
              "box = [0, 0]\n"
              "def work(i):\n"
              "    box[0] += 1\n"
              "    s = 0\n"
              "    for k in range(3000):\n"
              "        s += k * i\n"
              "    box[1] = (box[1] * 31 + s) % 1000003\n"
              "for i in range(200):\n"
              "    transaction.add(work, i)\n"
              "transaction.run()\n"
              "print(box)\n")
    want = subprocess.run([sys.executable, "-c", "box=[0,0]\n"
                           "for i in range(200):\n"
                           "    box[0] += 1; s = sum(k * i for k in range(3000))\n"
                           "    box[1] = (box[1] * 31 + s) % 1000003\n"
                           "print(box)"], stdout=subprocess.PIPE, text=True).stdout
    rc, out, err = ctx.run(["--workers", "2", "--stm-stats", "cm.py"])
    expect_eq((rc, out), (0, want), "exit status and stdout")
    m = re.search(r"stm: (\d+) committed, (\d+) aborted", err)
    expect(m is not None, "no --stm-stats line", "stderr was:", err)
    expect_eq(int(m.group(1)), 200, "committed transactions")
    expect(int(m.group(2)) <= 60, "%s aborts of 200 transactions: contention not managed"
           % m.group(2), "stderr was:", err)


def check_sigint_parallel_run(ctx):
    # Ctrl-C while transactions spin on two workers: the run must end with
    # KeyboardInterrupt (a speculative worker that sees the stop first must
    # not swallow it while the oldest transaction spins on).
    ctx.write("spin.py", "import transaction\n"
              "def spin(i):\n    while True:\n        pass\n"
              "for i in range(8):\n    transaction.add(spin, i)\n"
              "transaction.run()\n")
    import time
    for attempt in range(4):
        proc = subprocess.Popen(ctx.interp + ["--workers", "2", "spin.py"], cwd=ctx.tmp,
                                env=ctx.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(0.3 + 0.2 * attempt)
        proc.send_signal(signal.SIGINT)
        try:
            out, err = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            raise CheckFailed("attempt %d: still running 20 s after SIGINT" % attempt)
        expect_eq(proc.returncode, 1, "attempt %d: exit status" % attempt)
        expect_eq(last_line(err.decode("utf-8", "replace")), "KeyboardInterrupt",
                  "attempt %d: last line of stderr" % attempt)


def check_utf8_io(ctx):
    ctx.write("u.py", "s = 'héllo 日本 😀'\nprint(s, len(s))\nimport sys\n"
                      "sys.stderr.write(s + '\\n')\n")
    rc, out, err = ctx.run(["u.py"])
    expect_eq((rc, out, err), (0, "héllo 日本 😀 10\n", "héllo 日本 😀\n"), "UTF-8 output")


# ---- the interactive prompt, through a pseudo-terminal -----------------------

ANSI_RE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]|\r")


class Pty:
    def __init__(self, ctx):
        import pty  # POSIX only; imported here so the other checks run anywhere
        self.master, slave = pty.openpty()
        self.proc = subprocess.Popen(ctx.interp, stdin=slave, stdout=slave, stderr=slave,
                                     cwd=ctx.tmp, env=ctx.env(), start_new_session=True,
                                     close_fds=True)
        os.close(slave)
        self.buf = ""
        self.timeout = ctx.timeout

    def read_until(self, text):
        """Read until the cleaned transcript contains text after the last match point."""
        deadline = time.monotonic() + self.timeout
        while True:
            clean = ANSI_RE.sub("", self.buf)
            idx = clean.find(text)
            if idx >= 0:
                before = clean[:idx]
                self.buf = clean[idx + len(text):]
                return before
            left = deadline - time.monotonic()
            if left <= 0:
                raise CheckFailed("prompt test: timed out waiting for %r; transcript so far:"
                                  " %r" % (text, clean[-500:]))
            r, _, _ = select.select([self.master], [], [], min(left, 0.2))
            if r:
                try:
                    data = os.read(self.master, 4096)
                except OSError:
                    data = b""
                if not data:
                    if self.proc.poll() is not None:
                        raise CheckFailed("prompt test: interpreter exited (status %s) "
                                          "while waiting for %r; transcript: %r"
                                          % (self.proc.returncode, text, clean[-500:]))
                    continue
                self.buf += data.decode("utf-8", "replace")

    def send(self, text):
        os.write(self.master, text.encode("utf-8"))

    def wait_exit(self):
        deadline = time.monotonic() + self.timeout
        while self.proc.poll() is None and time.monotonic() < deadline:
            r, _, _ = select.select([self.master], [], [], 0.1)
            if r:
                try:
                    os.read(self.master, 4096)
                except OSError:
                    pass
        if self.proc.poll() is None:
            raise CheckFailed("prompt test: the interpreter did not exit")
        return self.proc.returncode

    def close(self):
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except OSError:
                pass
            self.proc.wait()
        os.close(self.master)


def check_repl_basic(ctx):
    p = Pty(ctx)
    try:
        p.read_until(">>> ")
        p.send("1+1\n")
        out = p.read_until(">>> ")
        expect("2" in out.split("\n"), "1+1 should print 2; got %r" % out)
        p.send("for i in range(3):\n")
        p.read_until("... ")
        p.send("    print(i * 10)\n")
        p.read_until("... ")
        p.send("\n")
        out = p.read_until(">>> ")
        printed = [l.strip() for l in out.split("\n") if l.strip() in ("0", "10", "20")]
        expect(printed == ["0", "10", "20"],
               "the for loop should print 0, 10, 20; got %r" % out)
        p.send("x = 'ab' * 2\n")
        p.read_until(">>> ")
        p.send("x\n")
        out = p.read_until(">>> ")
        expect("'abab'" in out, "an expression statement should echo its repr; got %r" % out)
        p.send("None\n")
        out = p.read_until(">>> ")
        # the terminal echoes the typed line once; the value None is not printed
        expect(sum(l.strip() == "None" for l in out.split("\n")) <= 1,
               "None should not be echoed; got %r" % out)
        p.send("exit()\n")
        rc = p.wait_exit()
        expect_eq(rc, 0, "status after exit()")
    finally:
        p.close()


def check_repl_error_continues(ctx):
    p = Pty(ctx)
    try:
        p.read_until(">>> ")
        p.send("1/0\n")
        out = p.read_until(">>> ")
        expect("ZeroDivisionError: division by zero" in out,
               "the error should be reported; got %r" % out)
        p.send("def f(a):\n")
        p.read_until("... ")
        p.send("    return a + 1\n")
        p.read_until("... ")
        p.send("\n")
        p.read_until(">>> ")
        p.send("f(41)\n")
        out = p.read_until(">>> ")
        expect("42" in out.split("\n"), "f(41) should print 42; got %r" % out)
        p.send("\x04")  # end of input (Ctrl-D) leaves the prompt
        rc = p.wait_exit()
        expect_eq(rc, 0, "status after end of input")
    finally:
        p.close()


CHECKS = [
    check_c_argv, check_c_multiline, check_file_with_args, check_script_dir_on_path,
    check_stdin_dash, check_exit_statuses, check_sys_exit_file, check_unknown_option,
    check_missing_c_argument, check_missing_file, check_version, check_help,
    check_traceback_format, check_traceback_chained, check_traceback_c_and_stdin,
    check_syntax_error_format, check_indentation_error, check_no_trailing_newline,
    check_large_output, check_stdin_input, check_unclosed_files_flushed, check_contention_managed, check_sigint_parallel_run, check_utf8_io, check_repl_basic,
    check_repl_error_continues,
]


def main(argv=None):
    ap = argparse.ArgumentParser(description="txpy command-line tests")
    ap.add_argument("--interp", required=True, help="interpreter command line (shlex-split)")
    ap.add_argument("--oracle-is-python", action="store_true",
                    help="the interpreter is CPython: accept its version text")
    ap.add_argument("--timeout", type=float, default=20.0)
    ap.add_argument("--filter", default="", help="run only checks whose name contains this")
    ap.add_argument("--verbose", "-v", action="store_true", help="also list passing checks")
    args = ap.parse_args(argv)
    interp = shlex.split(args.interp)
    if not interp:
        print("test_cli: --interp is empty", file=sys.stderr)
        return 2
    ctx = Ctx(interp, args.oracle_is_python, args.timeout)
    passed = failed = 0
    for check in CHECKS:
        name = check.__name__[len("check_"):]
        if args.filter not in name:
            continue
        ctx.tmp = tempfile.mkdtemp(prefix="txpy-cli-")
        try:
            check(ctx)
        except CheckFailed as e:
            failed += 1
            print("FAIL %s: %s" % (name, e), flush=True)
        except Exception as e:  # a bug in a check must not hide the others
            failed += 1
            print("FAIL %s: test error %s: %s" % (name, type(e).__name__, e), flush=True)
        else:
            passed += 1
            if args.verbose:
                print("PASS %s" % name, flush=True)
        finally:
            shutil.rmtree(ctx.tmp, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
