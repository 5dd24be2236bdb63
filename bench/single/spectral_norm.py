# spectral_norm: estimates the spectral norm of the infinite matrix
# A[i][j] = 1 / ((i + j) * (i + j + 1) / 2 + i + 1), truncated to n x n, with
# ten rounds of the power method on A^T A.
#
# Exercises function calls in inner loops, float division, zip and
# generator expressions passed to sum().  Only +, *, / and math.sqrt are
# used, so the result is reproducible on every IEEE 754 platform.
#
# Usage: python3 spectral_norm.py [n]
# Prints "OK spectral_norm <norm>" when the norm matches the table below.

import sys
import math

DEFAULT_SIZE = 350

# n -> norm formatted with "%.9f".
EXPECTED = {
    10: "1.271844019",
    100: "1.274219991",
    350: "1.274224047",
}


def entry(i, j):
    ij = i + j
    return 1.0 / ((ij * (ij + 1) >> 1) + i + 1)


def times(v):
    n = len(v)
    return [sum(entry(i, j) * vj for j, vj in enumerate(v)) for i in range(n)]


def times_transposed(v):
    n = len(v)
    return [sum(entry(j, i) * vj for j, vj in enumerate(v)) for i in range(n)]


def times_ata(v):
    return times_transposed(times(v))


def spectral_norm(n):
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = times_ata(u)
        u = times_ata(v)
    vbv = 0.0
    vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    return "%.9f" % math.sqrt(vbv / vv)


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    result = spectral_norm(size)
    if size not in EXPECTED:
        print("UNCHECKED spectral_norm %d %s" % (size, result))
        return
    if result != EXPECTED[size]:
        sys.stderr.write("CHECK FAILED: spectral_norm %d: "
                         "got %s, expected %s\n"
                         % (size, result, EXPECTED[size]))
        sys.exit(1)
    print("OK spectral_norm %s" % result)


main()
