# complex construction, attributes, repr.
z = 3 + 4j
print(z, repr(z), z.real, z.imag, z.conjugate(), abs(z))
print(complex(1, 2), complex(), complex(2), complex(-0.0, -0.0), complex("1+2j"), complex(" 3j "))
print(complex("-1.5e2-2.5j"), complex("j"), complex("-j"), complex("(1+1j)"), complex(1j, 1j))
print(1j, -1j, 0j, -0j, 1 + 0j, complex(0, -0.0), complex(-0.0, 0))
print(complex(1e300, 1e-300), complex(float("inf"), float("nan")), complex(1.5, -2.25))
print(type(z).__name__, isinstance(z, complex), z == complex(3, 4), z != 3)
for bad in ("1+", "abc", "1 + 2j", "j1", ""):
    try:
        complex(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    complex("1", 2)
except TypeError as e:
    print("TypeError:", e)
try:
    complex(None)
except TypeError as e:
    print("TypeError:", e)
