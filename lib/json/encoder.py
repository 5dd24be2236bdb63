"""json.encoder - JSONEncoder and the string escaping functions.

The encoder walks the object recursively and appends text chunks to a
list (iterencode returns that list's iterator).  Output is the same as
CPython's: floats use float.__repr__, NaN/Infinity unless allow_nan is
false, keys may be str/int/float/bool/None, and containers being encoded
are tracked by id() to report circular references.
"""

__all__ = ['JSONEncoder', 'encode_basestring', 'encode_basestring_ascii']

INFINITY = float('inf')

_SHORT_ESCAPES = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f'}


def _escape_char(c):
    e = _SHORT_ESCAPES.get(c)
    if e is not None:
        return e
    n = ord(c)
    if n < 0x10000:
        return '\\u%04x' % n
    n -= 0x10000
    return '\\u%04x\\u%04x' % (0xd800 | ((n >> 10) & 0x3ff), 0xdc00 | (n & 0x3ff))


def encode_basestring(s):
    """Return a JSON representation of a Python string (non-ASCII kept)."""
    if s.isprintable() and '"' not in s and '\\' not in s:
        return '"' + s + '"'
    out = []
    for c in s:
        if c < ' ' or c == '"' or c == '\\':
            out.append(_escape_char(c))
        else:
            out.append(c)
    return '"' + ''.join(out) + '"'


def encode_basestring_ascii(s):
    """Return an ASCII-only JSON representation of a Python string."""
    if s.isascii() and s.isprintable() and '"' not in s and '\\' not in s:
        return '"' + s + '"'
    out = []
    for c in s:
        if ' ' <= c <= '~' and c != '"' and c != '\\':
            out.append(c)
        else:
            out.append(_escape_char(c))
    return '"' + ''.join(out) + '"'


class JSONEncoder(object):
    """Extensible JSON <https://json.org> encoder for Python data structures.

    dict -> object, list/tuple -> array, str -> string, int/float -> number,
    True/False -> true/false, None -> null.  Override default() (or pass
    default=) to serialize other objects.
    """
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Return a serializable object for o, or raise TypeError."""
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        """Return a JSON string representation of a Python data structure."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        return ''.join(self.iterencode(o, _one_shot=True))

    def iterencode(self, o, _one_shot=False):
        """Encode o and yield each string representation as available."""
        chunks = []
        _Encoding(self, chunks).encode(o, 0)
        return iter(chunks)


class _Encoding:
    """State of one encode() call: options, the output list and the ids of
    the containers being encoded (for the circular check)."""

    def __init__(self, enc, out):
        self.markers = {} if enc.check_circular else None
        self.default = enc.default
        self.encode_str = encode_basestring_ascii if enc.ensure_ascii else encode_basestring
        self.allow_nan = enc.allow_nan
        self.sort_keys = enc.sort_keys
        self.skipkeys = enc.skipkeys
        indent = enc.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent
        self.item_separator = enc.item_separator
        self.key_separator = enc.key_separator
        self.out = out

    def floatstr(self, o):
        if o != o:
            text = 'NaN'
        elif o == INFINITY:
            text = 'Infinity'
        elif o == -INFINITY:
            text = '-Infinity'
        else:
            return float.__repr__(o)
        if not self.allow_nan:
            raise ValueError("Out of range float values are not JSON compliant")
        return text

    def encode(self, o, level):
        out = self.out
        if isinstance(o, str):
            out.append(self.encode_str(o))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(self.floatstr(o))
        elif isinstance(o, (list, tuple)):
            self.encode_list(o, level)
        elif isinstance(o, dict):
            self.encode_dict(o, level)
        else:
            self.enter(o)
            self.encode(self.default(o), level)
            self.leave(o)

    def enter(self, o):
        markers = self.markers
        if markers is not None:
            marker = id(o)
            if marker in markers:
                raise ValueError("Circular reference detected")
            markers[marker] = o

    def leave(self, o):
        if self.markers is not None:
            del self.markers[id(o)]

    def encode_list(self, lst, level):
        out = self.out
        if not lst:
            out.append('[]')
            return
        self.enter(lst)
        out.append('[')
        if self.indent is not None:
            level += 1
            newline_indent = '\n' + self.indent * level
            separator = self.item_separator + newline_indent
            out.append(newline_indent)
        else:
            newline_indent = None
            separator = self.item_separator
        first = True
        for value in lst:
            if first:
                first = False
            else:
                out.append(separator)
            self.encode(value, level)
        if newline_indent is not None:
            level -= 1
            out.append('\n' + self.indent * level)
        out.append(']')
        self.leave(lst)

    def encode_dict(self, dct, level):
        out = self.out
        if not dct:
            out.append('{}')
            return
        self.enter(dct)
        out.append('{')
        if self.indent is not None:
            level += 1
            newline_indent = '\n' + self.indent * level
            item_separator = self.item_separator + newline_indent
            out.append(newline_indent)
        else:
            newline_indent = None
            item_separator = self.item_separator
        first = True
        items = sorted(dct.items()) if self.sort_keys else dct.items()
        for key, value in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = self.floatstr(key)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = int.__repr__(key)
            elif self.skipkeys:
                continue
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, '
                                f'not {key.__class__.__name__}')
            if first:
                first = False
            else:
                out.append(item_separator)
            out.append(self.encode_str(key))
            out.append(self.key_separator)
            self.encode(value, level)
        if newline_indent is not None:
            level -= 1
            out.append('\n' + self.indent * level)
        out.append('}')
        self.leave(dct)
