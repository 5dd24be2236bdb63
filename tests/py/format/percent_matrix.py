# %-formatting of str: flags x width x precision x conversion over many
# values (a fixed pseudo-random sample), plus '*' widths and mappings.
class Rnd:
    def __init__(self, seed):
        self.x = seed
    def next(self):
        self.x = (self.x * 6364136223846793005 + 1442695040888963407) % 2 ** 64
        return self.x >> 33
    def choice(self, seq):
        return seq[self.next() % len(seq)]
rnd = Rnd(2024)
flags = ["", "-", "+", " ", "#", "0", "-0", "+0", "#0", " -"]
widths = ["", "1", "5", "12", "*"]
precs = ["", ".", ".0", ".3", ".*", ".12"]
convs = "sradiouxXeEfFgGc"
values = [0, 1, -1, 42, -42, 255, 2 ** 70, -2 ** 70, 0.0, -0.0, 1.5, -2.75, 1e20, 1e-5, float("inf"), float("nan"),
          "", "abc", "é😀", True, None, [1], 65, 0x20AC, 1j]
for i in range(400):
    spec = "%" + rnd.choice(flags) + rnd.choice(widths) + rnd.choice(precs) + rnd.choice(convs)
    args = [rnd.choice([3, -4, 0, 10]) for _ in range(spec.count("*"))] + [rnd.choice(values)]
    try:
        r = spec % tuple(args)
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(repr(spec), args, repr(r))
for fmt, args in [("%(a)s %(b)r", {"a": 1, "b": "x"}), ("%(a)s %s", {"a": 1}), ("%s %(a)s", {"a": 1}), ("%(a)*d", {"a": 1}),
                  ("%s %s", [1, 2]), ("abc", [1]), ("abc", 5), ("%5%", ()), ("%5%", (1,)), ("%-%", ()), ("%ld %hd %Lf", (1, 2, 3.0)),
                  ("%lld", (1,)), ("%é", (1,)), ("ab%zcd", (1,)), ("%c", 0x110000), ("%c", -1), ("%c", "ab"), ("%.*f", (-5, 1.5))]:
    try:
        r = fmt % args
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(repr(fmt), repr(r))
