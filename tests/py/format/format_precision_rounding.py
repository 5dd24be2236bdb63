# Precision rounds half-even on the exact binary value.
for v in [0.5, 1.5, 2.5, 0.125, 0.375, 2.675, 1.005, 1e-10, 123.456, 99.995, 9.995, 0.05]:
    print(v, f"{v:.0f}", f"{v:.1f}", f"{v:.2f}", f"{v:.2e}", f"{v:.3g}", "%.2f" % v, round(v, 2))
print(f"{1/3:.20f}", f"{2/3:.17g}", f"{0.1:.30f}", f"{1e22:.0f}", f"{2**0.5:.50f}")
