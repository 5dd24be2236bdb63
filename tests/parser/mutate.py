#!/usr/bin/env python3
"""mutate.py - differential testing of the txpy parser against CPython on
randomly broken sources.

Usage: tests/parser/mutate.py PARSER_BINARY [-n COUNT] [--seed S] [-v]

Takes random windows of lines from CPython's standard library, applies one
random edit (delete, insert or replace a character or a token-like piece,
break an indentation or a bracket), and compares the result with CPython:
the same tree when CPython accepts the source, the same error type, msg,
lineno and offset when it rejects it.  Prints the match rates; -v prints
every difference.  Exit status 0 unless the parser crashed.
"""
import ast
import os
import random
import subprocess
import sys
import sysconfig

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import compare  # noqa: E402

PIECES = ['(', ')', '[', ']', '{', '}', ':', '=', ',', '.', ';', '*', '**', '@', '\\', '\n',
          ' ', '    ', '\t', '"', "'", '"""', "f'", 'if ', 'else ', 'for ', 'in ', 'lambda ',
          'yield ', 'return ', 'not ', 'and ', 'is ', 'import ', 'from ', 'as ', 'with ',
          'def ', 'class ', 'try:', 'except ', ':=', '->', '0x', '1_', '1e', '.5', '#', '$',
          '{x}', 'print ', 'del ', 'global ', '/', '==']


def windows(libdir, rng, count):
    files = [p for p in compare.lib_files(libdir) if 'tokenizedata' not in p]
    while count > 0:
        path = rng.choice(files)
        try:
            with open(path, encoding='utf-8') as f:
                lines = f.read().split('\n')
        except (UnicodeDecodeError, OSError):
            continue
        if len(lines) < 5:
            continue
        start = rng.randrange(len(lines))
        src = '\n'.join(lines[start:start + rng.randint(1, 30)])
        try:
            tree = ast.parse(src)
        except SyntaxError:
            continue
        if compare.uses_unsupported(tree):
            continue
        count -= 1
        yield src


def mutate(src, rng):
    i = rng.randrange(len(src) + 1)
    op = rng.randrange(4)
    if op == 0 and src:
        return src[:i] + src[i + 1:]
    if op == 1:
        return src[:i] + rng.choice(PIECES) + src[i:]
    if op == 2 and src:
        return src[:i] + rng.choice(PIECES) + src[i + 1:]
    j = min(len(src), i + rng.randint(1, 8))
    return src[:i] + src[j:]


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        return 2
    binary = os.path.abspath(args[0])
    count = int(args[args.index('-n') + 1]) if '-n' in args else 2000
    seed = int(args[args.index('--seed') + 1]) if '--seed' in args else 1
    verbose = '-v' in args
    rng = random.Random(seed)
    libdir = sysconfig.get_paths()['stdlib']
    cases = []
    for src in windows(libdir, rng, count):
        m = mutate(src, rng)
        if '\0' in m or 'async' in m or 'await' in m or 'match' in m or '\\N' in m:
            continue
        cases.append(m)
    try:
        got = compare.run_batch(binary, [('exec', s.encode('utf-8', 'surrogatepass'))
                                         for s in cases])
    except subprocess.CalledProcessError as e:
        print('parser crashed: %s' % e)
        return 1
    acc = acc_ok = rej = rej_ok = 0
    for src, line in zip(cases, got):
        want, tree = compare.python_result(src)
        if tree is not None:
            if compare.uses_unsupported(tree):
                continue
            acc += 1
            ok = line == want
            acc_ok += ok
        else:
            rej += 1
            ok = line.split('|')[:4] == want.split('|')[:4]
            rej_ok += ok
        if not ok and verbose:
            print('difference: %r\n    ours:   %s\n    python: %s' % (src, line[:300], want[:300]))
    print('mutations: %d accepted by CPython, %d same tree; %d rejected, %d (%.1f%%) same error'
          % (acc, acc_ok, rej, rej_ok, 100.0 * rej_ok / max(1, rej)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
