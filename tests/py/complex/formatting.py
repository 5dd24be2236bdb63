# str/format of complex numbers.
for z in (1 + 2j, -1.5 - 0.5j, 1e20j, 1e-20 + 1j, complex(0.0, 1.0), complex(-0.0, 1), 1 / 3 + 2j / 3):
    print(str(z), repr(z), format(z, ""), format(z, ".2f"), format(z, "^20.3g"), f"{z:+.1e}")
print("%s %r" % (1j, 2 + 3j))
try:
    format(1j, "d")
except ValueError as e:
    print("ValueError:", e)
try:
    format(1j, "=10")
except ValueError as e:
    print("ValueError:", e)
