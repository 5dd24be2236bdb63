# str.format and format_map basics.
print("{} {}".format(1, 2), "{1} {0} {1}".format("a", "b"), "{name}!".format(name="x"))
print("{0[0]} {0[1]} {1[key]}".format([1, 2], {"key": "v"}), "{.real}".format(3 + 4j))
print("{:>6}|{:<6}|{:^6}|".format("r", "l", "c"), "{!r} {!s} {!a}".format("é", "é", "é"))
print("{{literal}} {}".format("x"), "{:{w}.{p}f}".format(3.14159, w=10, p=2))
class P:
    x = 5
    def __getitem__(self, k):
        return k * 2
print("{0.x} {0[3]} {0[ab]}".format(P()))
print("{a} {b}".format_map({"a": 1, "b": 2}))
class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"
print("{a} {zz}".format_map(Default(a="A")))
for fmt, args in [("{} {}", (1,)), ("{0} {}", (1, 2)), ("{x}", ()), ("{", ()), ("}", ()), ("{0!z}", (1,)),
                  ("{:d}", ("s",)), ("{0[2]}", ([1],)), ("{0.nope}", (1,))]:
    try:
        print(fmt.format(*args))
    except (IndexError, KeyError, ValueError, AttributeError, TypeError) as e:
        print(type(e).__name__ + ":", e)
