# range attributes, huge ranges, and reversed.
r = range(3, 30, 4)
print(r.start, r.stop, r.step, list(reversed(r)), sum(r), max(r), min(r))
big = range(10 ** 20)
print(len(range(2 ** 40)), big[-1], big[10 ** 19], 10 ** 19 in big, big.index(12345), big[::10 ** 19])
try:
    len(range(2 ** 64))
except OverflowError as e:
    print("OverflowError")  # the message names C's ssize_t
print(range(2 ** 64)[-1], list(range(10 ** 30, 10 ** 30 + 3)), range(-5)[::-1])
print(hash(range(3)) == hash(range(0, 3, 1)), bool(range(0)), bool(range(1)))
