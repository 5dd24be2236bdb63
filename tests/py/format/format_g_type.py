# The 'g' presentation type switches notation by exponent.
for e in range(-7, 18, 2):
    v = 1.2345678 * 10 ** e
    print(e, f"{v:g}", f"{v:.3g}", f"{v:#.3g}", f"{v:G}", f"{v:.10g}", f"{v}", "%g" % v)
print(f"{0.0:g}", f"{100000.0:g}", f"{1000000.0:g}", f"{1e-5:g}", f"{1e-4:g}", f"{123456789:g}")
