# Large lazy computations without materializing lists.
def squares(n):
    for i in range(n):
        yield i * i
print(sum(squares(100000)))
print(sum(1 for _ in squares(50000)))
big = (i for i in range(10 ** 12))
print(next(big), next(big))
def window(it, k):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) > k:
            buf.pop(0)
        if len(buf) == k:
            yield tuple(buf)
print(list(window(range(6), 3)))
