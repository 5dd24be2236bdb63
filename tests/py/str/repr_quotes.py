# repr of strings: quote choice and escapes.
for s in ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\n", "cr\r", "nul\x00", "bell\a",
          "back\\slash", "\x7f", "\x80", "\x9f", "\xa0", "\xad", "é", "\u200b", "\u2028", "\ud800", "😀",
          "\U000e0001", "\ufeff", "\x1b[0m", "日本"]:
    print(repr(s), ascii(s), str(s) == s)
print(repr(repr("'")), ascii("ü😀"), "%r" % "x'y", f"{'q'!r}")
