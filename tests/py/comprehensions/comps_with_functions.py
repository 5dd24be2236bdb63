# Comprehensions combined with functions and methods.
names = ["  Alice ", "BOB", "carol  ", ""]
clean = [n.strip().title() for n in names if n.strip()]
print(clean, [len(n) for n in clean], {n: n.lower() for n in clean})
def is_prime(n):
    return n > 1 and all(n % d for d in range(2, int(n ** 0.5) + 1))
print([n for n in range(50) if is_prime(n)])
print(sorted({word.lower() for word in "The the THE cat Cat".split()}))
print([f(x) for f in (abs, str, float) for x in (-1, 2)])
