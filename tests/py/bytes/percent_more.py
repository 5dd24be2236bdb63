# bytes %-formatting: every conversion, flags, widths, mappings and errors.
class B:
    def __bytes__(self):
        return b"<B>"
def show(fmt, args):
    try:
        r = fmt % args
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(repr(fmt), repr(r))
for fmt, args in [(b"%s|%b", (b"x", bytearray(b"y"))), (b"%5s|%-5b|", (b"ab", b"cd")), (b"%.1s", b"abc"), (b"%s", B()),
                  (b"%r %a", ("é", b"q")), (b"%d %i %u", (1, -2, 3)), (b"%x %X %#x %#o", (255, 255, 255, 8)),
                  (b"%05d|%-5d|%+d|% d", (42, 42, 42, 42)), (b"%.3f %e %g %G", (3.14159, 1e10, 1e-5, 1e20)),
                  (b"%c%c%c", (65, b"B", bytearray(b"C"))), (b"%%|%5%", ()), (b"%(a)s-%(b)d", {b"a": b"A", b"b": 2}),
                  (b"%*d|%-*d|%.*f", (5, 1, 5, 2, 2, 3.14159)), (b"%s", "str"), (b"%s", 5), (b"%c", 256), (b"%c", b"AB"),
                  (b"%c", "A"), (b"%d", "1"), (b"%f", b"1"), (b"%x", 1.5), (b"%z", (1,)), (b"abc", 5), (b"%s %s", (b"a",)),
                  (b"%(a)s", {"a": b"x"}), (b"%s %s", [1, 2]), (b"%", ()), (b"%(a", {}), (b"%s", ((1, 2),)),
                  (bytearray(b"%s-%d"), (b"x", 5))]:
    show(fmt, args)
print(type(bytearray(b"%s") % b"x").__name__, type(b"%s" % bytearray(b"x")).__name__, hasattr(b"", "format"))
