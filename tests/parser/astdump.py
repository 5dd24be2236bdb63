"""astdump.py - CPython's ast in the dump format of tests/unit/test_parser.c.

dump(tree, source_bytes) gives the text the txpy parser's test driver
prints for the same source, so the two can be compared (or their crc32s).
Int constants are printed with their literal text, taken from the source
at the node's position (the txpy AST keeps ints as text).
"""
import ast
import sys
import zlib

SKIP = {'type_comment', 'kind', 'type_ignores', 'is_async'}
POSITIONED = (ast.expr, ast.stmt, ast.arg, ast.keyword, ast.alias, ast.excepthandler)
OPS = {}   # AST class -> its name, for operators and contexts


def quote(b):
    out = ["'"]
    for c in b:
        if c < 0x20 or c >= 0x7f or c in (0x27, 0x5c):
            out.append('\\x%02x' % c)
        else:
            out.append(chr(c))
    out.append("'")
    return ''.join(out)


class Dumper:
    def __init__(self, source):
        self.lines = source.split(b'\n')
        self.out = []

    def int_text(self, node):
        try:
            text = self.lines[node.lineno - 1][node.col_offset:node.end_col_offset].decode()
            if node.lineno == node.end_lineno and int(text, 0) == node.value:
                return text
        except (ValueError, IndexError, UnicodeDecodeError):
            pass
        return str(node.value)

    def constant(self, node):
        v = node.value
        if v is None or v is True or v is False:
            return str(v)
        if v is Ellipsis:
            return '...'
        if isinstance(v, int):
            return 'i' + self.int_text(node)
        if isinstance(v, float):
            return 'f%.17g' % v
        if isinstance(v, complex):
            return 'c%.17g' % v.imag
        if isinstance(v, str):
            return 's' + quote(v.encode('utf-8', 'surrogatepass'))
        return 'b' + quote(v)

    def value(self, v):
        w = self.out.append
        if v is None:
            w('None')
        elif isinstance(v, list):
            w('[')
            for i, x in enumerate(v):
                if i:
                    w(', ')
                self.value(x)
            w(']')
        elif isinstance(v, str):
            w(quote(v.encode('utf-8', 'surrogatepass')))
        elif isinstance(v, int):
            w(str(v))
        elif isinstance(v, (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)):
            w(type(v).__name__)
        else:
            self.node(v)

    def node(self, n):
        w = self.out.append
        w(type(n).__name__)
        w('(')
        if isinstance(n, ast.Constant):
            w(self.constant(n))
        else:
            first = True
            for f in n._fields:
                if f in SKIP:
                    continue
                if not first:
                    w(', ')
                first = False
                self.value(getattr(n, f))
        w(')')
        if isinstance(n, POSITIONED):
            w('@%d:%d-%d:%d' % (n.lineno, n.col_offset, n.end_lineno, n.end_col_offset))


def dump(tree, source):
    d = Dumper(source)
    d.node(tree)
    return ''.join(d.out)


def crc(text):
    b = text.encode()
    return '%08x %d' % (zlib.crc32(b) & 0xffffffff, len(b))


if __name__ == '__main__':
    sys.setrecursionlimit(100000)
    for path in sys.argv[1:]:
        src = open(path, 'rb').read()
        print('==', path)
        print(dump(ast.parse(src), src))
