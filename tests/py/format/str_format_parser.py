# str.format / format_map parsing: field names, indexing, attributes,
# conversions, nested specs, auto/manual numbering, and every parse error.
def show(label, f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(label, repr(r))
fmts = ["{}", "{0}", "{1}", "{}{}", "{0}{}", "{}{0}", "{a}", "{a.real}", "{a[0]}", "{0[a]}", "{0[1]}", "{0.imag}", "{!r}",
        "{!s:>5}", "{!a}", "{!x}", "{!}", "{:}", "{:{}}", "{:{}{}}", "{0:{1}}", "{:{:{}}}", "{{}}", "{{", "}}", "{", "}",
        "a{b", "a}b", "{0!r:^9}", "{0.__class__.__name__}", "{[}", "{0[}", "{0]}", "{0[0]x}", "{0.}", "{.x}", "{0..x}",
        "{0[]}", "{ }", "{-1}", "{00}", "{01}", "{1a}", "{0!r", "{0:", "{0!rs}", "{0:>{1}.{2}}", "{9999999999999999999999}",
        "{0[0][0]}", "{!é}", "{0:{0}}", "{a{b}", "{0!r:{1}}", "{0:{1}d}", "{0[-1]}", "{٠}"]
args = (["ab", "cd"], 7, 3)
for f in fmts:
    show("format %r" % f, lambda: f.format(*args, a=["x", "y"]))
    show("map %r" % f, lambda: f.format_map({"a": "AB", "0": 5}))
class D(dict):
    def __missing__(self, k):
        return "<" + k + ">"
class Fmt:
    def __format__(self, spec):
        return "F(" + spec + ")"
show("missing", lambda: "{x}{y}".format_map(D(x=1)))
show("custom", lambda: "{0:abc}{0}{0!s:z}".format(Fmt()))
show("nested", lambda: "{0:{fill}{align}{width}}|{1:{2}.{3}f}".format("ab", 3.14159, 8, 2, fill="*", align="^", width=7))
show("kw only", lambda: "{name}-{n:03}".format(name="x", n=5))
show("order", lambda: "{1}{0}{1}".format("a", "b"))
