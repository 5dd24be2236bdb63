# Dict and set comprehensions.
words = ["apple", "bat", "cat", "dolphin", "eel"]
print({w: len(w) for w in words}, {len(w) for w in words}, {w[0]: w for w in words if len(w) > 3})
print({k: v for k, v in zip("abc", range(3))}, {v: k for k, v in {"x": 1, "y": 2}.items()})
print({i % 4 for i in range(20)}, {(i, i * i) for i in range(3)} == {(0, 0), (1, 1), (2, 4)})
print({i: {j: i * j for j in range(3)} for i in range(2)})
dup = {k % 3: k for k in range(10)}
print(dup)
