# pidigits: computes the first n decimal digits of pi with Gibbons' unbounded
# spigot algorithm.  The state is a linear fractional transformation
# (q, r, t) of growing big integers: a series term is composed in while the
# next digit is not yet determined, and each emitted digit is taken out.
#
# Exercises big-integer multiplication, addition, subtraction and floor
# division by a big divisor, with operands up to thousands of digits.
#
# Usage: python3 pidigits.py [n]
# Prints "OK pidigits <sum of digits> <last ten digits>" when both match the
# table below; the first fifty digits are always compared with pi.

import sys

DEFAULT_SIZE = 5000

PI_PREFIX = "31415926535897932384626433832795028841971693993751"

# n -> (sum of the n digits, the last ten digits).
EXPECTED = {
    100: (471, "5342117067"),
    1000: (4470, "9216420198"),
    5000: (22679, "7413260472"),
}


def pi_digits(n):
    digits = []
    q = 1
    r = 0
    t = 1
    k = 1
    while len(digits) < n:
        low = (3 * q + r) // t
        if low == (4 * q + r) // t:
            # The digit no longer depends on the remaining terms.
            digits.append(low)
            q = 10 * q
            r = 10 * (r - low * t)
        else:
            k2 = 2 * k + 1
            r = (2 * q + r) * k2
            q = q * k
            t = t * k2
            k += 1
    return "".join(str(d) for d in digits)


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    digits = pi_digits(size)
    prefix = min(size, len(PI_PREFIX))
    if digits[:prefix] != PI_PREFIX[:prefix]:
        sys.stderr.write("CHECK FAILED: pidigits %d: starts with %s\n"
                         % (size, digits[:prefix]))
        sys.exit(1)
    result = (sum(int(d) for d in digits), digits[-10:])
    shown = "%d %s" % result
    if size not in EXPECTED:
        print("UNCHECKED pidigits %d %s" % (size, shown))
        return
    if result != EXPECTED[size]:
        sys.stderr.write("CHECK FAILED: pidigits %d: got %s, expected %d %s\n"
                         % ((size, shown) + tuple(EXPECTED[size])))
        sys.exit(1)
    print("OK pidigits %s" % shown)


main()
