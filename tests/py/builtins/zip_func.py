# zip, including strict=True.
print(list(zip("abc", [1, 2, 3])), list(zip("ab", range(10))), list(zip()), list(zip([1])), list(zip("a", "b", "c")))
pairs = [(1, "x"), (2, "y")]
nums, chars = zip(*pairs)
print(nums, chars, dict(zip("ab", "cd")))
print(list(zip([1, 2], [3, 4], strict=True)))
try:
    list(zip([1, 2, 3], [4], strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    list(zip([1], [4, 5, 6], strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    list(zip([1], [2], [3, 4], strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    zip(1, [2])
except TypeError as e:
    print("TypeError:", e)
z = zip("ab", "cd")
print(next(z), list(z), list(z))
