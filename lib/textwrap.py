"""textwrap - text wrapping and filling (wrap, fill, shorten, dedent,
indent and the TextWrapper class).

CPython splits text into chunks with a regular expression; txpy has no
regular expressions, so _split_words reproduces that expression's
matches by hand: runs of whitespace, "em-dashes" (two or more hyphens
between words), and words, which are broken after a hyphen that has two
letters (or letter-hyphen-letter) before it and letter[-]letter after it.
The line-filling algorithm is CPython's, so the output is identical.
"""

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

# Only these count as whitespace for wrapping (not the Unicode spaces).
_whitespace = '\t\n\x0b\x0c\r '
_WS = frozenset(_whitespace)
_WORD_PUNCT = frozenset('!"\'&.,?')


def _is_word(c):
    """\\w: a letter, digit or underscore."""
    return c.isalnum() or c == '_'


def _is_letter(c):
    """[^\\d\\W]: a word character that is not a digit."""
    return (c.isalnum() or c == '_') and not c.isdecimal()


def _is_word_punct(c):
    return _is_word(c) or c in _WORD_PUNCT


def _hyphen_breaks(text, h):
    """Whether a word may end with the hyphen at text[h]."""
    n = len(text)
    before = ((h >= 2 and _is_letter(text[h - 2]) and _is_letter(text[h - 1])) or
              (h >= 3 and _is_letter(text[h - 3]) and text[h - 2] == '-' and _is_letter(text[h - 1])))
    if not before or h + 2 >= n or not _is_letter(text[h + 1]):
        return False
    if _is_letter(text[h + 2]):
        return True
    return text[h + 2] == '-' and h + 3 < n and _is_letter(text[h + 3])


def _emdash_end(text, i):
    """If text[i:] is two or more hyphens followed by a word character,
    the index after the hyphens, else -1."""
    n = len(text)
    j = i
    while j < n and text[j] == '-':
        j += 1
    if j - i >= 2 and j < n and _is_word(text[j]):
        return j
    return -1


def _split_words(text):
    """The chunks CPython's TextWrapper.wordsep_re finds in text."""
    chunks = []
    n = len(text)
    i = 0
    while i < n:
        if text[i] in _WS:
            j = i + 1
            while j < n and text[j] in _WS:
                j += 1
            chunks.append(text[i:j])
            i = j
            continue
        if text[i] == '-' and i > 0 and _is_word_punct(text[i - 1]):
            j = _emdash_end(text, i)
            if j >= 0:
                chunks.append(text[i:j])
                i = j
                continue
        # the shortest word text[i:k+1] followed by a break point
        k = i
        while True:
            nxt = k + 1
            if nxt >= n or text[nxt] in _WS:
                end = nxt
                break
            if text[nxt] == '-':
                if _hyphen_breaks(text, nxt):
                    end = nxt + 1
                    break
                if _is_word_punct(text[k]) and _emdash_end(text, nxt) >= 0:
                    end = nxt
                    break
            k += 1
        chunks.append(text[i:end])
        i = end
    return chunks


def _split_whitespace(text):
    """Chunks of whitespace and of everything else."""
    chunks = []
    n = len(text)
    i = 0
    while i < n:
        ws = text[i] in _WS
        j = i + 1
        while j < n and (text[j] in _WS) == ws:
            j += 1
        chunks.append(text[i:j])
        i = j
    return chunks


def _sentence_end(chunk):
    """[a-z][.!?][\"']?\\Z: a chunk that ends a sentence."""
    if chunk[-1:] in ('"', "'"):
        chunk = chunk[:-1]
    return len(chunk) >= 2 and chunk[-1] in '.!?' and 'a' <= chunk[-2] <= 'z'


class TextWrapper:
    """Object for wrapping/filling text; the public interface is wrap()
    and fill(), configured by the constructor's keyword arguments (width,
    initial_indent, subsequent_indent, expand_tabs, replace_whitespace,
    fix_sentence_endings, break_long_words, drop_whitespace,
    break_on_hyphens, tabsize, max_lines, placeholder)."""

    unicode_whitespace_trans = dict.fromkeys(map(ord, _whitespace), ord(' '))

    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        """Expand tabs and turn every whitespace character into a space."""
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(self.unicode_whitespace_trans)
        return text

    def _split(self, text):
        """Split the text into indivisible chunks."""
        if self.break_on_hyphens is True:
            return _split_words(text)
        return _split_whitespace(text)

    def _fix_sentence_endings(self, chunks):
        """Two spaces after sentence endings (a lowercase letter, then .!?,
        then an optional quote)."""
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and _sentence_end(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        """Put part of a chunk too long for any line on the current line."""
        if width < 1:
            space_left = 1
        else:
            space_left = width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and any(c != '-' for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        """Assemble the chunks into lines of at most self.width characters."""
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            if self.max_lines > 1:
                indent = self.subsequent_indent
            else:
                indent = self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            if lines:
                indent = self.subsequent_indent
            else:
                indent = self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and chunks[-1].strip() == '' and lines:
                del chunks[-1]
            while chunks:
                n = len(chunks[-1])
                if cur_len + n <= width:
                    cur_line.append(chunks.pop())
                    cur_len += n
                else:
                    break
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(map(len, cur_line))
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == '':
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if cur_line:
                if (self.max_lines is None or
                        len(lines) + 1 < self.max_lines or
                        (not chunks or
                         self.drop_whitespace and
                         len(chunks) == 1 and
                         not chunks[0].strip()) and cur_len <= width):
                    lines.append(indent + ''.join(cur_line))
                else:
                    while cur_line:
                        if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                            cur_line.append(self.placeholder)
                            lines.append(indent + ''.join(cur_line))
                            break
                        cur_len -= len(cur_line[-1])
                        del cur_line[-1]
                    else:
                        if lines:
                            prev_line = lines[-1].rstrip()
                            if len(prev_line) + len(self.placeholder) <= self.width:
                                lines[-1] = prev_line + self.placeholder
                                break
                        lines.append(indent + self.placeholder.lstrip())
                    break
        return lines

    def _split_chunks(self, text):
        text = self._munge_whitespace(text)
        return self._split(text)

    def wrap(self, text):
        """Wrap a single paragraph of text, returning a list of lines."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """Fill a single paragraph of text, returning a new string."""
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """Wrap a single paragraph of text into lines of at most width
    characters (no trailing newlines)."""
    w = TextWrapper(width=width, **kwargs)
    return w.wrap(text)


def fill(text, width=70, **kwargs):
    """Fill a single paragraph of text: the lines of wrap() joined by
    newlines."""
    w = TextWrapper(width=width, **kwargs)
    return w.fill(text)


def shorten(text, width, **kwargs):
    """Collapse and truncate the given text to fit in the given width,
    ending with the placeholder if words were dropped."""
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))


def dedent(text):
    """Remove any common leading whitespace from every line in text.

    Lines holding only spaces and tabs are normalized to empty lines and
    do not count when computing the common margin.
    """
    lines = text.split('\n')
    for i, line in enumerate(lines):
        if line and not line.strip(' \t'):
            lines[i] = ''
    margin = None
    for line in lines:
        if not line:
            continue
        content = line.lstrip(' \t')
        indent = line[:len(line) - len(content)]
        if margin is None:
            margin = indent
        elif indent.startswith(margin):
            pass
        elif margin.startswith(indent):
            margin = indent
        else:
            for i, (x, y) in enumerate(zip(margin, indent)):
                if x != y:
                    margin = margin[:i]
                    break
    if margin:
        cut = len(margin)
        lines = [line[cut:] if line.startswith(margin) else line for line in lines]
    return '\n'.join(lines)


def indent(text, prefix, predicate=None):
    """Add prefix to the beginning of selected lines in text (by default,
    the lines that are not whitespace-only)."""
    if predicate is None:
        def predicate(line):
            return line.strip()
    return ''.join(prefix + line if predicate(line) else line for line in text.splitlines(True))
