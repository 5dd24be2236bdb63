# Generators are lazy: side effects happen only on demand.
def noisy(n):
    for i in range(n):
        print("producing", i)
        yield i
g = noisy(3)
print("created")
print("first:", next(g))
print("rest:", list(g))
total = 0
for v in noisy(2):
    total += v
    print("consumed", v)
print(total)
src = [1, 2, 3]
gen = (x * 10 for x in src)
src.append(4)
print(list(gen))
