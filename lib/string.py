"""string - common string constants, capwords(), Template and Formatter.

txpy has no regular expressions, so Template scans its text by hand with
the default syntax ($$, $identifier, ${identifier}; identifiers are ASCII
letters, digits and underscores not starting with a digit); a subclass may
change `delimiter` but not `idpattern`/`pattern`.  Formatter parses format
strings itself with the same rules as str.format.
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split s on sep, capitalize each word and join them with sep (a single
    space when sep is None)."""
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


################################################################################
### Template
################################################################################

_ID_START = frozenset(ascii_letters + '_')
_ID_CHARS = frozenset(ascii_letters + digits + '_')


_sentinel_dict = {}


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _identifier_end(self, i):
        """End of the identifier starting at i, or i if there is none."""
        t = self.template
        n = len(t)
        if i < n and t[i] in _ID_START:
            i += 1
            while i < n and t[i] in _ID_CHARS:
                i += 1
        return i

    def _scan(self):
        """Yield (kind, start, end, name) for each placeholder: kind is
        'escaped', 'named', 'braced' or 'invalid'; [start, end) is the text
        to replace and, for 'invalid', end is where the name would start."""
        t = self.template
        d = self.delimiter
        dl = len(d)
        n = len(t)
        i = t.find(d)
        while i >= 0:
            j = i + dl
            if t.startswith(d, j):
                yield 'escaped', i, j + dl, None
                i = t.find(d, j + dl)
                continue
            end = self._identifier_end(j)
            if end > j:
                yield 'named', i, end, t[j:end]
                i = t.find(d, end)
                continue
            if j < n and t[j] == '{':
                end = self._identifier_end(j + 1)
                if end > j + 1 and end < n and t[end] == '}':
                    yield 'braced', i, end + 1, t[j + 1:end]
                    i = t.find(d, end + 1)
                    continue
            yield 'invalid', i, j, None
            i = t.find(d, j)

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainMap2(kws, mapping)
        out = []
        pos = 0
        t = self.template
        for kind, start, end, name in self._scan():
            if kind == 'invalid':
                self._invalid(end)
            out.append(t[pos:start])
            if kind == 'escaped':
                out.append(self.delimiter)
            else:
                out.append('%s' % (mapping[name],))
            pos = end
        out.append(t[pos:])
        return ''.join(out)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainMap2(kws, mapping)
        out = []
        pos = 0
        t = self.template
        for kind, start, end, name in self._scan():
            if kind == 'invalid':
                continue
            out.append(t[pos:start])
            if kind == 'escaped':
                out.append(self.delimiter)
            else:
                try:
                    out.append('%s' % (mapping[name],))
                except KeyError:
                    out.append(t[start:end])
            pos = end
        out.append(t[pos:])
        return ''.join(out)

    def is_valid(self):
        for kind, start, end, name in self._scan():
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for kind, start, end, name in self._scan():
            if kind in ('named', 'braced') and name not in ids:
                ids.append(name)
        return ids


class _ChainMap2:
    """Lookup in the keywords first, then in the mapping."""

    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            return self.second[key]


################################################################################
### Formatter
################################################################################

def _parse_format(format_string):
    """Yield (literal_text, field_name, format_spec, conversion) like
    str._formatter_parser: field_name is None for a chunk of literal text
    that is not followed by a field."""
    s = format_string
    n = len(s)
    i = 0
    literal = []
    while i < n:
        c = s[i]
        if c == '}':
            if i + 1 < n and s[i + 1] == '}':
                literal.append('}')
                yield ''.join(literal), None, None, None
                literal = []
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        if c != '{':
            literal.append(c)
            i += 1
            continue
        if i + 1 >= n:
            raise ValueError("Single '{' encountered in format string")
        if s[i + 1] == '{':
            # an escaped brace ends a literal chunk, as in CPython
            literal.append('{')
            yield ''.join(literal), None, None, None
            literal = []
            i += 2
            continue
        # a replacement field: the name runs to '!', ':' or '}' outside brackets
        j = i + 1
        bracket = False
        while j < n:
            ch = s[j]
            if ch == '[':
                bracket = True
            elif ch == ']':
                bracket = False
            elif not bracket and ch in '!:}':
                break
            j += 1
        if j >= n:
            raise ValueError("expected '}' before end of string")
        name = s[i + 1:j]
        conversion = None
        if s[j] == '!':
            if j + 1 >= n:
                raise ValueError("end of string while looking for conversion specifier")
            conversion = s[j + 1]
            j += 2
            if j < n and s[j] not in ':}':
                raise ValueError("expected ':' after conversion specifier")
        spec = ''
        if j < n and s[j] == '}':
            end = j + 1
        else:
            # a format spec, which may hold nested {fields}
            start = j + 1 if j < n else j
            depth = 1
            k = start
            while k < n:
                if s[k] == '{':
                    depth += 1
                elif s[k] == '}':
                    depth -= 1
                    if depth == 0:
                        break
                k += 1
            if k >= n:
                raise ValueError("unmatched '{' in format spec")
            spec = s[start:k]
            end = k + 1
        yield ''.join(literal), name, spec, conversion
        literal = []
        i = end
    if literal:
        yield ''.join(literal), None, None, None


def _split_field_name(name):
    """'a.b[0]' -> ('a', [(True, 'b'), (False, 0)]) like
    str._formatter_field_name_split."""
    i = 0
    n = len(name)
    while i < n and name[i] not in '.[':
        i += 1
    first = name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < n:
        if name[i] == '.':
            j = i + 1
            while j < n and name[j] not in '.[':
                j += 1
            attr = name[i + 1:j]
            if not attr:
                raise ValueError("Empty attribute in format string")
            rest.append((True, attr))
            i = j
        elif name[i] == '[':
            j = name.find(']', i)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[i + 1:j]
            if not key:
                raise ValueError("Empty attribute in format string")
            rest.append((False, int(key) if key.isdigit() else key))
            i = j + 1
            if i < n and name[i] not in '.[':
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, rest


class Formatter:
    """str.format() as overridable methods: format, vformat, parse,
    get_field, get_value, check_unused_args, format_field, convert_field."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth, auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is not None:
                if field_name == '':
                    if auto_arg_index is False:
                        raise ValueError('cannot switch from manual field specification to automatic field numbering')
                    field_name = str(auto_arg_index)
                    auto_arg_index += 1
                elif field_name.isdigit():
                    if auto_arg_index:
                        raise ValueError('cannot switch from manual field specification to automatic field numbering')
                    auto_arg_index = False
                obj, arg_used = self.get_field(field_name, args, kwargs)
                used_args.add(arg_used)
                obj = self.convert_field(obj, conversion)
                format_spec, auto_arg_index = self._vformat(
                    format_spec, args, kwargs, used_args, recursion_depth - 1, auto_arg_index=auto_arg_index)
                result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        elif conversion == 's':
            return str(value)
        elif conversion == 'r':
            return repr(value)
        elif conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first
