# Title-casing rules for apostrophes, digits and non-letters.
for s in ["hello world", "HELLO WORLD", "hello-world", "o'neil", "2nd place", "a.b.c", "ﬂour", "áb ŉ"]:
    print(s.title(), s.capitalize(), s.title().istitle())
