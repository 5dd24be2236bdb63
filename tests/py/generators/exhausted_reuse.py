# A generator can be consumed only once; sharing one between loops.
g = (x for x in range(6))
for x in g:
    if x == 2:
        break
print("rest:", list(g), "again:", list(g))
pairs = iter(range(6))
print(list(zip(pairs, pairs)))
def numbers():
    yield from range(4)
n = numbers()
print(4 in n, list(n))
n2 = numbers()
print(2 in n2, list(n2))
