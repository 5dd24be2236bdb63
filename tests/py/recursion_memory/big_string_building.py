# Building large strings and lists incrementally.
parts = []
for i in range(50000):
    parts.append(str(i % 10))
s = "".join(parts)
print(len(s), s[:20], s.count("7"))
acc = ""
for i in range(5000):
    acc += "ab"
print(len(acc), acc[-4:])
big = [0] * 1000000
big[-1] = 1
print(len(big), sum(big))
big = None
words = ("word" + str(i) for i in range(100000))
print(sum(len(w) for w in words))
