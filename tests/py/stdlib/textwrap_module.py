# textwrap: wrap/fill with all options, shorten, dedent, indent (identical chunking to CPython).
import textwrap
texts = ["The quick brown fox jumps over the lazy dog. " * 5,
         "A well-known long-running mother-in-law's x-ray, e-mail and re-entry -- plus em--dash and a---b words.",
         "Supercalifragilisticexpialidocious-and-antidisestablishmentarianism are long-words-with-hyphens.",
         "tabs\there\tand\nnewlines\r\nand  double  spaces. End. Yes! 'Quoted.' Next",
         "  leading and trailing   ", "", "x", "a-b-c-d ab-cd abc-def--ghi ----- -x- 1-2-3 ab-1c",
         "Hello world! This is a test. It is only a test.", "über-straße naïve-café ñandú-ágil"]
for t in texts:
    for w in (1, 5, 10, 12, 20, 35):
        print(w, textwrap.wrap(t, w))
    print(textwrap.fill(t, 25, initial_indent='* ', subsequent_indent='  '))
    print(textwrap.wrap(t, 15, break_on_hyphens=False), textwrap.wrap(t, 8, break_long_words=False))
    print(textwrap.wrap(t, 20, max_lines=2), textwrap.wrap(t, 18, fix_sentence_endings=True))
    print(textwrap.wrap(t, 16, drop_whitespace=False), textwrap.shorten(t, 30), textwrap.shorten(t, 12, placeholder='...'))
print(repr(textwrap.dedent("    def f():\n        return 1\n    \n  x\n")))
print(repr(textwrap.dedent("\thello\n\t  world\n")), repr(textwrap.dedent("  a\n\tb\n")), repr(textwrap.dedent("no indent\n  x")))
print(repr(textwrap.dedent("   \n   a\n    b\n  \t\n")))
print(repr(textwrap.indent("a\n\nb\n  \nc", "> ")), repr(textwrap.indent("a\nb", "+", lambda l: True)))
try: textwrap.wrap("abc", 0)
except ValueError as e: print(e)
try: textwrap.wrap("abc def", 3, max_lines=1, placeholder='[...]')
except ValueError as e: print(e)
print(textwrap.TextWrapper(width=10).wrap("one two three four five"), textwrap.wrap("a\tb", expand_tabs=False, width=3))
