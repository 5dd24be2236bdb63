# complex() builtin.
print(complex(1, 2), complex("3+4j"), complex(2.5), complex(), complex(1j, 1), complex(real=1, imag=-1))
try:
    complex("1+2j", 1)
except TypeError as e:
    print("TypeError:", e)
