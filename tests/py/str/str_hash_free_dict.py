# Strings as dict keys keep insertion order; equal strings built differently match.
d = {}
for w in "the cat sat on the mat with the hat".split():
    d[w] = d.get(w, 0) + 1
print(d)
k = "".join(["c", "a", "t"])
print(d[k], k in d, ("ca" + "t") in d)
print(list(d), list(d.values()))
