# float: creates many small Point objects from math.sin/cos, normalises each
# one to unit length, then reduces them to the componentwise maximum and the
# mean.  Repeated over several rounds, so most time goes into allocating
# objects, attribute access, method calls and float arithmetic.
#
# math.sin and math.cos may differ in the last bit between C libraries; the
# reported values are rounded to 9 digits, far above that noise.
#
# Usage: python3 float.py [points]
# Prints "OK float <max x> <max y> <max z> <mean z>" when the values match
# the table below.

import sys
from math import sin, cos, sqrt

DEFAULT_SIZE = 200000
ROUNDS = 3

# points -> the four values formatted with "%.9f".
EXPECTED = {
    1000: "0.894367539 1.000000000 0.447179508 0.159379794",
    10000: "0.894387034 1.000000000 0.447190649 0.159546713",
    200000: "0.894427190 1.000000000 0.447213595 0.159545438",
}


class Point:
    def __init__(self, i):
        x = sin(i)
        self.x = x
        self.y = cos(i) * 3.0
        self.z = (x * x) / 2.0

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = sqrt(x * x + y * y + z * z)
        self.x = x / norm
        self.y = y / norm
        self.z = z / norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def maximize(points):
    best = points[0]
    for p in points[1:]:
        best = best.maximize(p)
    return best


def run_round(n):
    points = [Point(i) for i in range(n)]
    for p in points:
        p.normalize()
    mean_z = sum(p.z for p in points) / n
    best = maximize(points)
    return best, mean_z


def run(n):
    result = None
    for _ in range(ROUNDS):
        best, mean_z = run_round(n)
        result = "%.9f %.9f %.9f %.9f" % (best.x, best.y, best.z, mean_z)
    return result


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    result = run(size)
    if size not in EXPECTED:
        print("UNCHECKED float %d %s" % (size, result))
        return
    if result != EXPECTED[size]:
        sys.stderr.write("CHECK FAILED: float %d: got %s, expected %s\n"
                         % (size, result, EXPECTED[size]))
        sys.exit(1)
    print("OK float %s" % result)


main()
