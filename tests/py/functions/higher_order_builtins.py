# map/filter/zip with functions, reduce.
from functools import reduce
nums = [1, 2, 3, 4, 5]
print(list(map(lambda x, y: x * y, nums, nums[::-1])), list(filter(None, [0, 1, "", "a", None])))
print(reduce(lambda a, b: a * b, nums), reduce(lambda a, b: a + b, [], 0), reduce(max, [3, 8, 1]))
try:
    reduce(lambda a, b: a + b, [])
except TypeError as e:
    print("TypeError:", e)
print(reduce(lambda acc, ch: acc * 10 + int(ch), "12345", 0))
