# Same slices on str, tuple, list, bytes, range give matching results.
seqs = ["abcdefg", tuple("abcdefg"), list("abcdefg"), b"abcdefg", range(7)]
for sl in [slice(1, 5), slice(None, None, 2), slice(-2, None), slice(5, 1, -1), slice(None, None, -3), slice(10, 20)]:
    outs = []
    for s in seqs:
        part = s[sl]
        outs.append(len(part))
    print(sl, outs, seqs[0][sl], list(seqs[4][sl]))
