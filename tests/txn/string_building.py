# Immutable values rebound by every transaction: a growing string, a tuple
# and a frozenset held in globals, and bytes built with join.
# repeat: 5
import transaction

text = ""
tup = ()
fs = frozenset()
chunks = []

def grow(i):
    global text, tup, fs
    text += chr(ord("a") + i % 26)
    if i % 10 == 0:
        text += "|"
    tup = tup + (i,) if i % 5 == 0 else tup
    fs = fs | {i % 16}
    chunks.append(bytes([65 + i % 26]) * (i % 3 + 1))

for i in range(260):
    transaction.add(grow, i)
transaction.run()
print(len(text), text[:40])
print(text[-30:])
print(tup[:8], len(tup))
print(sorted(fs))
data = b"".join(chunks)
print(len(data), data[:30])
