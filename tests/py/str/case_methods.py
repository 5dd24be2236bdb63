# upper, lower, title, capitalize, swapcase, casefold.
for s in ["hello World", "ÉCOLE élève", "straße", "ǅemal", "ΣΟΦΙΑ", "ὈΔΥΣΣΕΎΣ", "ﬁne", "İstanbul",
          "they're bill's friends", "hello2world x1y", "123abc", "", "ß"]:
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
print("a".upper() == "A", "ǆ".title(), "ǆ".upper(), "ﬃ".upper(), len("ﬃ".upper()))
