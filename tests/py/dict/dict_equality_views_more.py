# Equality of dicts with nested values; items views compare as sets.
a = {"k": [1, {"n": (1, 2)}], "m": 1.0}
b = {"m": 1, "k": [1, {"n": (1, 2)}]}
print(a == b, a.items() == b.items(), a.keys() == b.keys(), list(a.values()) == list(b.values()))
print({1: 2}.items() <= {1: 2, 3: 4}.items(), {1: 2}.keys() < {1: 2, 3: 4}.keys(), {}.keys() == set())
try:
    {1: []}.items() & {(1, ())}
except TypeError as e:
    print("TypeError:", e)
