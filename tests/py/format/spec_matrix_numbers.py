# format() specs over ints, floats and complex numbers: fill/align/sign,
# '#', '0', width, grouping, precision, every type letter and the errors.
def show(label, f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(label, repr(r))
ints = [0, 7, -42, 255, 10 ** 12, -2 ** 70, True]
int_specs = ["", "d", "b", "o", "x", "X", "#b", "#o", "#x", "#X", "c", "n", "e", ".2f", "g", "%", "010", "+d", " d",
             ",", "_", "_b", "_x", ",x", "08,d", "<10", ">10", "^10", "=10", "*^+#12x", "0=8", ".3", "z", "#c", "+c",
             "s", "=^10", "٥", "-", "_o"]
for v in ints:
    print(repr(v), [format(v, s) if True else None for s in int_specs[:10]])
    for s in int_specs[10:]:
        show("  %r %r" % (v, s), lambda: format(v, s))
floats = [0.0, -0.0, 1.5, -2.75, 1234567.891, 1e-7, 1e22, float("inf"), float("-inf"), float("nan"), 0.125, 2.5]
float_specs = ["", "f", ".2f", "e", ".3e", "g", ".10g", "%", ".1%", "+", " ", "010.3f", "<12", "^12.2", ",", "_.2f",
               "#.0f", "#g", "z.2f", "z", ".0e", "E", "G", "F", "n", "=+12.1f", "x", "d", ",.3f", "0<8"]
for v in floats:
    print(repr(v), [format(v, s) for s in float_specs[:14]])
    for s in float_specs[14:]:
        show("  %r %r" % (v, s), lambda: format(v, s))
cs = [1 + 2j, -1.5 - 0.5j, 1e20j, 1e-20 + 1j, complex(-0.0, 1), (1 / 3) + (2 / 3) * 1j, complex(0, -0.0)]
c_specs = ["", ".2f", "^20.3g", "+.1e", "<22", ">30,", "_.2f", "#g", "z.1f", "E", "n", "*^30", "d", "%", "010", "0<10", "=10", ".3", "-"]
for v in cs:
    for s in c_specs:
        show("  %r %r" % (v, s), lambda: format(v, s))
