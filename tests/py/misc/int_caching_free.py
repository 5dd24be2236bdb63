# Results must not depend on small-int or string caching: compare with == only.
a = 256
b = 255 + 1
c = 257
d = 256 + 1
print(a == b, c == d, int("300") == 300, str(12) == "12")
values = [i * 1 for i in range(300)]
print(values[257] == 257, values.index(299))
words = ["".join(["ab", "c"]) for _ in range(3)]
print(words[0] == words[1] == "abc")
