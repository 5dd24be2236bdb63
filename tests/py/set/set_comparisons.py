# Subset relations and equality with frozenset.
a = {1, 2}
b = frozenset({1, 2, 3})
print(a < b, a <= b, b > a, a == frozenset(a), a != b, a < a, b >= b)
print(sorted([{1, 2, 3}, {1}, {1, 2}], key=len), max([{1}, {1, 2}], key=len))
print({1, 2} < {1, 3}, {1, 2} > {1, 3}, {1, 2} == {1, 3})
try:
    a < [1, 2, 3]
except TypeError as e:
    print("TypeError:", e)
