# Set creation and membership (sets of small ints print in a stable order).
s = {3, 1, 2, 3, 1}
print(s, len(s), 2 in s, 5 not in s, set(), set([4, 4, 5]), set(range(5)), set((1, 2)))
print(sorted(set("hello")), sorted({"b", "a"}), type(s).__name__, {1, 2} == {2, 1}, {1} != {1, 2})
print(set() == set(), {0} == {0.0, False}, len({1, True, 1.0}))
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
try:
    set(5)
except TypeError as e:
    print("TypeError:", e)
try:
    s[0]
except TypeError as e:
    print("TypeError:", e)
