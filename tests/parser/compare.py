#!/usr/bin/env python3
"""compare.py - compare the txpy parser with CPython's (the oracle).

Usage: tests/parser/compare.py PARSER_BINARY [--lib DIR] [--no-lib] [-v]

PARSER_BINARY is build-parser/test_parser (tests/parser/build.sh builds it).
Checks, each reported with counts; the exit status is nonzero if any fails:
  1. good corpus: every file in tests/parser/corpus/ and every snippet in
     snippets.GOOD must give the same tree and positions as ast.parse;
  2. Lib: every .py file of CPython's standard library (site-packages
     excluded) must give the same tree, or the same error when CPython
     rejects it; files whose tree has async/await/match nodes are skipped
     (txpy rejects those constructs on purpose);
  3. bad corpus: for every snippet in snippets.BAD the error type, msg,
     lineno and offset must equal CPython's SyntaxError; the exact-match
     rate is printed, and mismatches not listed in snippets.KNOWN_DIFFS fail;
  4. ast_needs_more_input on snippets.NEEDS_MORE.
"""
import ast
import os
import subprocess
import sys
import sysconfig
from multiprocessing import Pool

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.setrecursionlimit(100000)

import astdump   # noqa: E402
import snippets  # noqa: E402

MODES = {'exec': 'exec', 'eval': 'eval', 'single': 'single'}
SKIP_NODES = (ast.AsyncFunctionDef, ast.AsyncFor, ast.AsyncWith, ast.Await, ast.Match)


def uses_unsupported(tree):
    for n in ast.walk(tree):
        if isinstance(n, SKIP_NODES) or (isinstance(n, ast.comprehension) and n.is_async):
            return True
    return False


def python_result(src, mode='exec'):
    """The oracle's answer in the driver's output format (one line)."""
    if isinstance(src, str):
        src = src.encode('utf-8', 'surrogatepass')
    text = src.decode('utf-8', 'surrogatepass')
    if text.startswith('\ufeff'):
        text = text[1:]
    try:
        tree = compile(text, '<s>', mode, ast.PyCF_ONLY_AST)
    except SyntaxError as e:
        return 'ERR %s|%s|%s|%s|%s|%s' % (type(e).__name__, e.msg, e.lineno, e.offset,
                                          e.end_lineno, e.end_offset), None
    except ValueError as e:      # null bytes in 3.11's compile()
        return 'ERR SyntaxError|%s|None|None|None|None' % e, None
    return astdump.dump(tree, src), tree


def run_batch(binary, records):
    """records: [(mode, bytes)] -> the driver's output lines."""
    data = b''.join(b'%s %d\n' % (m.encode(), len(s)) + s for m, s in records)
    out = subprocess.run([binary, '--batch'], input=data, stdout=subprocess.PIPE,
                         check=True).stdout.decode('utf-8', 'replace')
    return out.split('\n')[:len(records)]


def first_diff(a, b):
    i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
    lo = max(0, i - 80)
    return '    ours:   ...%s\n    python: ...%s' % (a[lo:i + 80], b[lo:i + 80])


def check_good(binary, verbose):
    records, names = [], []
    corpus = os.path.join(HERE, 'corpus')
    for fn in sorted(os.listdir(corpus)):
        with open(os.path.join(corpus, fn), 'rb') as f:
            records.append(('exec', f.read()))
        names.append(fn)
    for i, (mode, src) in enumerate(snippets.GOOD):
        records.append((mode, src.encode('utf-8', 'surrogatepass')))
        names.append('GOOD[%d] %r' % (i, src[:60]))
    got = run_batch(binary, records)
    bad = 0
    for name, (mode, src), line in zip(names, records, got):
        want, _ = python_result(src, mode)
        if line != want:
            bad += 1
            print('good corpus mismatch: %s' % name)
            print(first_diff(line, want))
    print('good corpus: %d/%d identical' % (len(records) - bad, len(records)))
    return bad == 0


def lib_files(libdir):
    for root, dirs, files in os.walk(libdir):
        dirs[:] = sorted(d for d in dirs if d not in ('site-packages', '__pycache__'))
        for fn in sorted(files):
            if fn.endswith('.py'):
                yield os.path.join(root, fn)


def lib_oracle(path):
    with open(path, 'rb') as f:
        src = f.read()
    try:
        tree = ast.parse(src)
    except SyntaxError as e:
        return path, 'error', 'ERR %s|%s|%s|%s' % (type(e).__name__, e.msg, e.lineno, e.offset)
    except (ValueError, UnicodeDecodeError) as e:
        return path, 'skip', str(e)
    if uses_unsupported(tree):
        return path, 'skip', 'async/await/match'
    try:
        src.decode('utf-8')
    except UnicodeDecodeError:
        return path, 'skip', 'not UTF-8'
    return path, 'tree', astdump.crc(astdump.dump(tree, src))


def cached_oracle(files, cache_path):
    """lib_oracle for every file, reusing the results saved in cache_path for
    files whose size and mtime (and this Python and astdump.py) are unchanged."""
    import hashlib
    import json
    with open(astdump.__file__, 'rb') as f:
        version = '%s %s' % (sys.version, hashlib.sha1(f.read()).hexdigest())
    try:
        with open(cache_path) as f:
            cache = json.load(f)
        if cache.get('version') != version:
            cache = {}
    except (OSError, ValueError):
        cache = {}
    entries = cache.get('files', {})
    keys = {}
    todo = []
    for path in files:
        st = os.stat(path)
        keys[path] = '%d %d' % (st.st_size, st.st_mtime_ns)
        if entries.get(path, [None])[0] != keys[path]:
            todo.append(path)
    if todo:
        with Pool(2) as pool:
            for path, kind, want in pool.map(lib_oracle, todo, chunksize=16):
                entries[path] = [keys[path], kind, want]
        try:
            with open(cache_path, 'w') as f:
                json.dump({'version': version, 'files': entries}, f)
        except OSError:
            pass
    return [(path, entries[path][1], entries[path][2]) for path in files]


def check_lib(binary, libdir, verbose):
    files = list(lib_files(libdir))
    oracle = cached_oracle(files, os.path.join(os.path.dirname(binary), 'lib_oracle.json'))
    compare = [(p, k, v) for p, k, v in oracle if k != 'skip']
    skipped = len(oracle) - len(compare)
    got = {}
    chunk = 200
    for i in range(0, len(compare), chunk):
        paths = [p for p, _, _ in compare[i:i + chunk]]
        out = subprocess.run([binary, '--crc'] + paths, stdout=subprocess.PIPE,
                             check=False).stdout.decode('utf-8', 'replace').split('\n')
        for k in range(0, len(out) - 1, 2):
            got[out[k][3:]] = out[k + 1]
    trees = errors = bad = known = 0
    for path, kind, want in compare:
        line = got.get(path, '<missing>')
        if kind == 'tree':
            trees += 1
        else:
            errors += 1
            line = '|'.join(line.split('|')[:4])
        if line != want:
            rel = os.path.relpath(path, libdir)
            if rel in snippets.KNOWN_LIB_DIFFS:
                known += 1
                if verbose:
                    print('Lib known difference: %s (%s)' % (rel, snippets.KNOWN_LIB_DIFFS[rel]))
                continue
            bad += 1
            print('Lib mismatch: %s' % path)
            if kind == 'tree' and not line.startswith('ERR'):
                with open(path, 'rb') as f:
                    src = f.read()
                ours = subprocess.run([binary, path], stdout=subprocess.PIPE).stdout.decode(
                    'utf-8', 'replace').split('\n', 1)[1].rstrip('\n')
                print(first_diff(ours, astdump.dump(ast.parse(src), src)))
            else:
                print('    ours:   %s\n    python: %s' % (line, want))
    print('Lib: %d files compared (%d trees, %d syntax errors), %d skipped '
          '(async/await/match or not UTF-8); %d identical, %d known differences '
          '(snippets.KNOWN_LIB_DIFFS), %d mismatches'
          % (len(compare), trees, errors, skipped, len(compare) - known - bad, known, bad))
    return bad == 0


def check_bad(binary, verbose):
    records = [(m, s.encode('utf-8', 'surrogatepass')) for m, s in snippets.BAD]
    got = run_batch(binary, records)
    exact = full = 0
    failed = []
    for (mode, src), line in zip(snippets.BAD, got):
        want, _ = python_result(src, mode)
        if not want.startswith('ERR'):
            print('bad corpus: CPython accepts %r' % src)
            failed.append(src)
            continue
        w, g = want.split('|'), line.split('|')
        if w[:4] == g[:4]:
            exact += 1
            full += w == g
        else:
            known = src in snippets.KNOWN_DIFFS
            if verbose or not known:
                print('bad corpus %s: %r\n    ours:   %s\n    python: %s'
                      % ('known diff' if known else 'MISMATCH', src, line, want))
            if not known:
                failed.append(src)
    n = len(records)
    print('bad corpus: %d/%d (%.1f%%) match CPython exactly in type, msg, lineno, offset; '
          '%d also in end_lineno, end_offset; %d known differences'
          % (exact, n, 100.0 * exact / n, full, n - exact - len(failed)))
    return not failed


HARVEST = ['test_syntax', 'test_exceptions', 'test_fstring', 'test_grammar', 'test_eof',
           'test_string_literals', 'test_unparse', 'test_ast', 'test_positional_only_arg',
           'test_keywordonlyarg', 'test_genexps', 'test_named_expressions', 'test_compile',
           'test_traceback', 'test_global', 'test_flufl', 'test_utf8source', 'test_tokenize',
           'test_unicode_identifiers', 'test_dictcomps', 'test_setcomps', 'test_listcomps',
           'test_with', 'test_coroutines', 'test_decorators', 'test_class', 'test_scope',
           'test_funcattrs', 'test_exception_group', 'test_except_star', 'test_codeop',
           'test_cmd_line_script', 'test_doctest', 'test_pdb', 'test_inspect', 'test_dis']


def harvest(libdir):
    """Source-like string constants (and doctest examples) of CPython's own
    tests: each becomes an extra test case at run time."""
    import doctest
    found = {}
    parser = doctest.DocTestParser()
    for name in HARVEST:
        path = os.path.join(libdir, 'test', name + '.py')
        if not os.path.exists(path):
            continue
        with open(path, 'rb') as f:
            tree = ast.parse(f.read())
        for n in ast.walk(tree):
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and len(n.value) < 2000:
                found.setdefault(n.value, None)
                if '>>>' in n.value:
                    try:
                        for ex in parser.get_examples(n.value):
                            found.setdefault(ex.source, None)
                    except ValueError:
                        pass
    return list(found)


def check_harvest(binary, libdir, verbose):
    cases = []
    for src in harvest(libdir):
        if '\0' in src:
            continue
        want, tree = python_result(src)
        if tree is not None and uses_unsupported(tree):
            continue
        if want.startswith('ERR') and ('async' in src or 'await' in src or 'match' in src):
            continue
        cases.append((src, want))
    got = run_batch(binary, [('exec', s.encode('utf-8', 'surrogatepass')) for s, _ in cases])
    good = [(s, w, g) for (s, w), g in zip(cases, got) if not w.startswith('ERR')]
    bad = [(s, w, g) for (s, w), g in zip(cases, got) if w.startswith('ERR')]
    good_ok = sum(w == g for _, w, g in good)
    bad_ok = sum(w.split('|')[:4] == g.split('|')[:4] for _, w, g in bad)
    if verbose:
        for s, w, g in good + bad:
            if (w.split('|')[:4] != g.split('|')[:4]) if w.startswith('ERR') else w != g:
                print('harvest mismatch: %r\n    ours:   %s\n    python: %s' % (s, g[:300], w[:300]))
    print('CPython test-suite strings: %d/%d accepted sources give the same tree, '
          '%d/%d (%.1f%%) rejected ones the same error' % (
              good_ok, len(good), bad_ok, len(bad), 100.0 * bad_ok / max(1, len(bad))))
    return True


WRAPPERS = [('(', ')'), ('[', ']'), ('{', '}'), ('f(', ')'), ('a[', ']'), ('{a: ', '}'),
            ('[x for x in ', ']'), ('(x for x in ', ')'), ('lambda: (', ')'), ('not (', ')'),
            ('-(', ')'), ('(x if y else ', ')'), ('f(a, ', ')'), ('{**', '}'), ('{*', '}'),
            ('[*', ']'), ('a.b(', ')'), ('f(x=', ')'), ('(yield ', ')'), ('(a := ', ')'),
            ('x[1:', ']'), ('[', ',]'), ('(', ',)'), ('{1, ', '}'), ('x{', '}'), ('del (', ')'),
            ('for x in (', '): pass'), ('[x for (', ') in y]')]
INNERS = ['a b', '1 +', 'a', '*a', '**a', 'a = 1', 'x for', 'lambda', 'f"{a}" fq"}"', 'yield',
          ':', '', 'print a', 'a if b', '1 2 3']


def check_nesting(binary, verbose):
    """Deeply nested brackets around broken (or valid) code: same answer as
    CPython, in bounded time (no exponential backtracking)."""
    import time
    cases = []
    for pre, post in WRAPPERS:
        for inner in INNERS:
            for depth in (3, 60):
                cases.append(pre * depth + inner + post * depth)
                cases.append(pre * depth + inner)
    t0 = time.time()
    got = run_batch(binary, [('exec', c.encode()) for c in cases])
    elapsed = time.time() - t0
    bad = 0
    for src, line in zip(cases, got):
        try:
            want, _ = python_result(src)
        except MemoryError:
            want = 'ERR MemoryError|'
        ok = line.split('|')[:4] == want.split('|')[:4] if want.startswith('ERR') else line == want
        if want.startswith('ERR MemoryError'):
            ok = line.startswith('ERR MemoryError')
        if not ok:
            bad += 1
            if verbose:
                print('nesting mismatch: %r\n    ours:   %s\n    python: %s'
                      % (src[:120], line[:200], want[:200]))
    print('nesting: %d/%d nested sources match CPython; parsed in %.2f s'
          % (len(cases) - bad, len(cases), elapsed))
    return elapsed < 10


DEEP = {
    'parentheses': '(' * 100000, 'brackets': '[' * 100 + '(' * 150, 'unary': '-' * 100000 + 'x',
    'not': 'not ' * 100000 + 'x', 'power': 'x**' * 100000 + 'x',
    'ternary': 'x if y else ' * 100000 + 'x', 'lambda': 'lambda: ' * 100000 + 'x',
    'elif': 'if x: pass\n' + 'elif x: pass\n' * 100000, 'attributes': 'x' + '.y' * 100000,
    'calls': 'x' + '()' * 100000, 'subscripts': 'x' + '[0]' * 100000, 'binops': 'x' + '+x' * 100000,
    'decorators': '@d\n' * 100000 + 'def f(): pass', 'assignments': 'a = ' * 100000 + '1',
    'strings': '"a" ' * 100000, 'tuple': 'x, ' * 100000, 'comparisons': 'x' + ' < x' * 100000,
    'boolops': 'x' + ' or x' * 100000, 'indent': ''.join(' ' * i + 'if x:\n' for i in range(120)),
    'fstrings': '(' * 190 + 'f"{' + '(' * 190 + "f'{" + '(' * 190 + 'x x' + ')' * 190 + "}'"
                + ')' * 190 + '}"' + ')' * 190,
    'parens199': '(' * 199 + 'x' + ')' * 199, 'star_targets': '*' * 100000 + 'a = 1',
    'comprehensions': '[x ' + 'for x in y ' * 20000 + ']', 'ifs': '[x for x in y ' + 'if x ' * 50000 + ']',
    'dicts': '{' * 199 + '}' * 199, 'lambda_args': 'lambda ' + 'a, ' * 50000 + 'b: 0',
    'slices': 'x[' + '1:2, ' * 50000 + ']', 'else_pass': 'x if y else ' * 5000 + 'x',
}


def check_deep(binary):
    """Pathologically deep or long input under a 512 KiB C stack (2 MiB for
    an AddressSanitizer build, whose frames are about 4 times larger): no
    crash."""
    import resource
    with open(binary, 'rb') as f:
        stack = (2048 if b'__asan_init' in f.read() else 512) * 1024

    def small_stack():
        resource.setrlimit(resource.RLIMIT_STACK, (stack, stack))
    data = b''.join(b'exec %d\n' % len(s) + s.encode() for s in DEEP.values())
    r = subprocess.run([binary, '--status'], input=data, stdout=subprocess.PIPE,
                       preexec_fn=small_stack)
    lines = r.stdout.decode().split('\n')
    crashed = r.returncode != 0 or len(lines) <= len(DEEP)
    ok = not crashed
    for (name, src), line in zip(DEEP.items(), lines):
        if line.startswith('ERR'):
            try:
                want, _ = python_result(src)
            except (MemoryError, RecursionError) as e:
                want = 'ERR %s|' % type(e).__name__
            if name == 'parentheses' and line.split('|')[:4] != want.split('|')[:4]:
                ok = False
                print('deep %s: ours %s, python %s' % (name, line, want))
    print('deep input under a %d KiB stack: %d cases, %s' % (
        stack // 1024, len(DEEP), 'CRASH (exit status %d)' % r.returncode if crashed else 'no crash'))
    return ok


def check_needs_more(binary):
    records = [('single', s.encode()) for s, _ in snippets.NEEDS_MORE]
    data = b''.join(b'single %d\n' % len(s) + s for _, s in records)
    out = subprocess.run([binary, '--needs-more'], input=data, stdout=subprocess.PIPE,
                         check=True).stdout.decode().split()
    bad = 0
    for (src, want), got in zip(snippets.NEEDS_MORE, out):
        if (got == '1') != want:
            bad += 1
            print('needs_more_input(%r) = %s, expected %s' % (src, got == '1', want))
    print('needs_more_input: %d/%d correct' % (len(records) - bad, len(records)))
    return bad == 0


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        return 2
    binary = os.path.abspath(args[0])
    verbose = '-v' in args
    libdir = sysconfig.get_paths()['stdlib']
    if '--lib' in args:
        libdir = args[args.index('--lib') + 1]
    ok = check_good(binary, verbose)
    ok &= check_bad(binary, verbose)
    ok &= check_needs_more(binary)
    ok &= check_harvest(binary, libdir, verbose)
    ok &= check_nesting(binary, verbose)
    ok &= check_deep(binary)
    if '--no-lib' not in args:
        ok &= check_lib(binary, libdir, verbose)
    print('OK' if ok else 'FAILED')
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
