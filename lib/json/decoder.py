"""json.decoder - JSONDecoder and JSONDecodeError.

A hand-written recursive-descent scanner (txpy has no regular
expressions) with the behaviour of CPython's C scanner: the same accepted
language (ASCII digits only in numbers, NaN/Infinity/-Infinity through
parse_constant, strict control-character checks) and the same error
messages and positions.  The scanner signals "no value here" with
StopIteration(position), which raw_decode turns into "Expecting value".
"""

__all__ = ['JSONDecoder', 'JSONDecodeError']

_WS = ' \t\n\r'
_DIGITS = '0123456789'
_ESCAPES = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
_HEX = frozenset('0123456789abcdefABCDEF')

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')


class JSONDecodeError(ValueError):
    """Subclass of ValueError with the following additional properties:

    msg: The unformatted error message
    doc: The JSON document being parsed
    pos: The start index of doc where parsing failed
    lineno: The line corresponding to pos
    colno: The column corresponding to pos
    """

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_CONSTANTS = {
    '-Infinity': NegInf,
    'Infinity': PosInf,
    'NaN': NaN,
}


def _skip_ws(s, i, n):
    while i < n and s[i] in _WS:
        i += 1
    return i


def scanstring(s, end, strict=True):
    """Scan the string whose opening quote is at end - 1; return (str, index
    after the closing quote)."""
    begin = end - 1
    n = len(s)
    chunks = []
    append = chunks.append
    while True:
        # the text up to the next quote or backslash (the end if neither)
        q = s.find('"', end)
        b = s.find('\\', end, q if q >= 0 else n)
        stop = b if b >= 0 else (q if q >= 0 else n)
        chunk = s[end:stop]
        if strict and chunk and min(chunk) < ' ':
            for k, c in enumerate(chunk):
                if c < ' ':
                    raise JSONDecodeError("Invalid control character at", s, end + k)
        if stop == n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        append(chunk)
        if b < 0:
            return ''.join(chunks), q + 1
        # an escape at b
        end = b + 1
        if end >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        esc = s[end]
        if esc != 'u':
            try:
                append(_ESCAPES[esc])
            except KeyError:
                raise JSONDecodeError("Invalid \\escape", s, b) from None
            end += 1
            continue
        # 4 hex digits, and (as in CPython's scanner) something after them
        uni = _hex4(s, end + 1) if end + 5 < n else -1
        if uni < 0:
            raise JSONDecodeError("Invalid \\uXXXX escape", s, end)
        end += 5
        if 0xd800 <= uni <= 0xdbff and end + 6 < n and s.startswith('\\u', end):
            uni2 = _hex4(s, end + 2)
            if uni2 < 0:
                raise JSONDecodeError("Invalid \\uXXXX escape", s, end + 1)
            if 0xdc00 <= uni2 <= 0xdfff:
                uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00))
                end += 6
        append(chr(uni))


def _hex4(s, i):
    """The value of the 4 hex digits at s[i:i+4], or -1."""
    h = s[i:i + 4]
    if len(h) != 4 or not all(c in _HEX for c in h):
        return -1
    return int(h, 16)


class _Scanner:
    """One decoding run: the hooks of the decoder plus a key memo."""

    def __init__(self, context):
        self.strict = context.strict
        self.object_hook = context.object_hook
        self.object_pairs_hook = context.object_pairs_hook
        self.parse_float = context.parse_float
        self.parse_int = context.parse_int
        self.parse_constant = context.parse_constant
        self.memo = {}

    def scan_once(self, s, idx):
        try:
            return self._scan(s, idx, len(s))
        finally:
            self.memo.clear()

    def _scan(self, s, idx, n):
        if idx >= n:
            raise StopIteration(idx)
        c = s[idx]
        if c == '"':
            return scanstring(s, idx + 1, self.strict)
        if c == '{':
            return self._object(s, idx + 1, n)
        if c == '[':
            return self._array(s, idx + 1, n)
        if c == 'n' and s.startswith('null', idx):
            return None, idx + 4
        if c == 't' and s.startswith('true', idx):
            return True, idx + 4
        if c == 'f' and s.startswith('false', idx):
            return False, idx + 5
        if c == 'N' and s.startswith('NaN', idx):
            return self.parse_constant('NaN'), idx + 3
        if c == 'I' and s.startswith('Infinity', idx):
            return self.parse_constant('Infinity'), idx + 8
        if c == '-' and s.startswith('-Infinity', idx):
            return self.parse_constant('-Infinity'), idx + 9
        return self._number(s, idx, n)

    def _number(self, s, idx, n):
        i = idx
        if i < n and s[i] == '-':
            i += 1
        if i < n and s[i] == '0':
            i += 1
        elif i < n and '1' <= s[i] <= '9':
            i += 1
            while i < n and s[i] in _DIGITS:
                i += 1
        else:
            raise StopIteration(idx)
        is_float = False
        if i + 1 < n and s[i] == '.' and s[i + 1] in _DIGITS:
            i += 2
            while i < n and s[i] in _DIGITS:
                i += 1
            is_float = True
        if i < n and s[i] in 'eE':
            j = i + 1
            if j < n and s[j] in '+-':
                j += 1
            if j < n and s[j] in _DIGITS:
                j += 1
                while j < n and s[j] in _DIGITS:
                    j += 1
                i = j
                is_float = True
        text = s[idx:i]
        if is_float:
            return self.parse_float(text), i
        return self.parse_int(text), i

    def _object(self, s, idx, n):
        pairs = []
        memo = self.memo
        idx = _skip_ws(s, idx, n)
        if idx < n and s[idx] != '}':
            while True:
                if idx >= n or s[idx] != '"':
                    raise JSONDecodeError("Expecting property name enclosed in double quotes", s, idx)
                key, idx = scanstring(s, idx + 1, self.strict)
                key = memo.setdefault(key, key)
                idx = _skip_ws(s, idx, n)
                if idx >= n or s[idx] != ':':
                    raise JSONDecodeError("Expecting ':' delimiter", s, idx)
                idx = _skip_ws(s, idx + 1, n)
                value, idx = self._scan(s, idx, n)
                pairs.append((key, value))
                idx = _skip_ws(s, idx, n)
                if idx < n and s[idx] == '}':
                    break
                if idx >= n or s[idx] != ',':
                    raise JSONDecodeError("Expecting ',' delimiter", s, idx)
                idx = _skip_ws(s, idx + 1, n)
        if idx >= n or s[idx] != '}':
            raise JSONDecodeError("Expecting property name enclosed in double quotes", s, idx)
        idx += 1
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), idx
        result = dict(pairs)
        if self.object_hook is not None:
            result = self.object_hook(result)
        return result, idx

    def _array(self, s, idx, n):
        values = []
        idx = _skip_ws(s, idx, n)
        if idx < n and s[idx] != ']':
            while True:
                value, idx = self._scan(s, idx, n)
                values.append(value)
                idx = _skip_ws(s, idx, n)
                if idx < n and s[idx] == ']':
                    break
                if idx >= n or s[idx] != ',':
                    raise JSONDecodeError("Expecting ',' delimiter", s, idx)
                idx = _skip_ws(s, idx + 1, n)
        if idx >= n or s[idx] != ']':
            raise JSONDecodeError("Expecting value", s, idx)
        return values, idx + 1


class JSONDecoder(object):
    """Simple JSON <https://json.org> decoder.

    Decodes objects to dict, arrays to list, strings to str, numbers to int
    or float, true/false to True/False, null to None, and also understands
    NaN, Infinity and -Infinity.  The hooks object_hook, object_pairs_hook,
    parse_float, parse_int and parse_constant customise the results; with
    strict false, control characters are allowed inside strings.
    """

    def __init__(self, *, object_hook=None, parse_float=None,
                 parse_int=None, parse_constant=None, strict=True,
                 object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.scan_once = _Scanner(self).scan_once

    def decode(self, s):
        """Return the Python representation of the JSON document s."""
        n = len(s)
        obj, end = self.raw_decode(s, idx=_skip_ws(s, 0, n))
        end = _skip_ws(s, end, n)
        if end != n:
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode a JSON document that starts at s[idx:]; return (object,
        index where the document ended)."""
        try:
            obj, end = self.scan_once(s, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None
        return obj, end
