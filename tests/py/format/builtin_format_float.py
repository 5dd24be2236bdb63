# format() with the float presentation types and precisions.
vals = [0.0, -0.0, 1.0, 0.1, -2.5, 1234.5678, 1e-7, 1e21, 123456789.125, float("inf"), -float("inf"), float("nan")]
specs = ["", "f", ".0f", ".1f", ".3f", "e", ".0e", ".2E", "g", ".1g", ".4g", "#g", "#.3g", "G", "%", ".0%",
         "10.2f", "<10.2f", "^10.2f", "+.2f", " .2f", "010.2f", ",.2f", "_.1f", "n", ".3", "z.1f", "#.0e"]
for v in vals:
    print(repr(v))
    print("  ", [format(v, s) for s in specs])
