# Unpacking consumes iterators and generators exactly as needed.
def gen():
    for i in range(3):
        print("yield", i)
        yield i
a, b, c = gen()
print(a, b, c)
it = iter(range(10))
x, y, *_ = it
print(x, y, list(it))
try:
    p, q = gen()
except ValueError as e:
    print("ValueError:", e)
