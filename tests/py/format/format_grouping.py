# Thousands separators.
for v in [0, 999, 1000, -1234567, 10 ** 20, 1234.5, -0.001, 1234567.891]:
    print(f"{v:,}", f"{v:_}", f"{v:,.2f}", f"{v:_.1e}", f"{v:>15,}", f"{v:015,.1f}")
print(format(255, "_x"), format(2 ** 32, "_b"), format(8 ** 9, "_o"))
try:
    format(1, ",_")
except ValueError as e:
    print("ValueError:", e)
try:
    format(1, "_,")
except ValueError as e:
    print("ValueError:", e)
