# Imaginary literals.
print(1j, 2J, 1.5j, 1e2j, 0j, 1_0j)
print(3 + 4j, (3 + 4j).real, (3 + 4j).imag)
print(-1j, -(1j), 1j * 1j)
print(type(1j).__name__)
print(.5j, 5.j)
