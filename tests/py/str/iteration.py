# Iterating over strings.
for ch in "hé😀":
    print(ch, ord(ch))
print(list("abc"), tuple("xy"), set("aaa") == {"a"}, dict.fromkeys("ab"))
print([c * 2 for c in "abc"], "".join(reversed("stressed")), list(enumerate("ab")))
it = iter("ab")
print(next(it), next(it), next(it, "done"))
print(sum(1 for c in "mississippi" if c == "s"), sorted(set("mississippi")))
