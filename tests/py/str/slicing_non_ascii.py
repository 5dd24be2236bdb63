# Indexing and extended slices of non-ASCII strings (the UTF-8 storage must
# give the same code points as CPython's), including long strings.
strs = ["héllo wörld", "x😀yé" * 30, "é" * 100 + "abc", "😀", "aé" * 70 + "🐍"]
steps = [None, 2, 3, -1, -2, -5, 7]
idx = [None, 0, 1, -1, 3, -3, 50, -50, 200]
total = 0
for s in strs:
    for a in idx:
        for b in idx:
            for c in steps:
                t = s[a:b:c]
                total += len(t) + sum(map(ord, t)) % 7
    print(len(s), s[::-1][:6], s[1::3][:5], s[-2:], s[100:103], [s[i] for i in range(0, len(s), 37)])
print(total)
s = "aé😀" * 50
print(s.index("😀", 100), s.rindex("é"), s[149], s[-1], s[60:63], len(s[3:-3]), s.count("é", 10, 20))
for i in (-151, 150, 2 ** 70):
    try:
        s[i]
    except IndexError as e:
        print("IndexError:", e)
