# sum with start values.
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([]), sum([], 5), sum(range(101)), sum([0.1] * 3), sum([1, 2.5]))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum([True, True, False]), sum([1 + 1j, 2]), sum(x * x for x in range(4)))
print(sum([10 ** 20, 10 ** 20]), sum([1] * 1000, start=-1000))
for bad in [lambda: sum(["a", "b"]), lambda: sum(["a", "b"], ""), lambda: sum([b"a"], b""), lambda: sum(5),
            lambda: sum([1, "a"]), lambda: sum([[1]])]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
