# Modifying a set during iteration raises; iterating over a copy is safe.
s = {1, 2, 3, 4}
try:
    for x in s:
        s.discard(x)
except RuntimeError as e:
    print("RuntimeError:", e)
s = {1, 2, 3, 4}
for x in set(s):
    if x % 2:
        s.discard(x)
print(s)
