# Allocate and drop about 200 MB in small objects; checks only that it finishes.
total = 0
for round_no in range(40):
    chunk = [[i, i + 1.5, str(i)] for i in range(12000)]
    total += len(chunk)
    chunk = None
    d = {i: (i, i) for i in range(8000)}
    total += len(d)
    del d
print("allocated objects:", total)
