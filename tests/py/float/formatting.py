# format specs for floats.
x = 1234.5678
for spec in ["", "f", ".2f", "10.2f", "<10.1f", "^12.3f", "+.1f", " .0f", ".0f", "#.0f",
             "e", ".3e", "E", "g", ".3g", ".10g", "G", "%", ".1%", ",.2f", "_.3f", "012.2f",
             "=+12.2f", "*>12.1f", "n", ".2", "z.1f"]:
    print(repr(spec), repr(format(x, spec)), repr(format(-x, spec)))
for v in (0.0, -0.0, 1e-5, 1e16, 123456789.0, 0.5, 2.5, float("inf"), float("nan"), 1e100):
    print(format(v, ".3g"), format(v, "g"), format(v, ".2e"), format(v, ".1f"), format(v, ""))
print(format(-0.0001, "z.2f"), format(0.125, ".2f"), format(0.375, ".2f"), format(2.675, ".2f"))
print("%.3f %e %g %10.4f %-10.2f| %+f %G" % (3.14159, 31415.9, 0.00001234, 2.5, 2.5, 1.0, 1e-10))
try:
    format(1.5, "d")
except ValueError as e:
    print("ValueError:", e)
try:
    format(1.5, "x")
except ValueError as e:
    print("ValueError:", e)
