# complex mixed with int, float, bool.
print(1 + 1j, 1.5 * 2j, True + 1j, 2 - 1j * 3, 1j / 2, 2 ** 1j == 2 ** 1j)
print((1 + 2j) * True, (1 + 2j) + False, 0 * 1j, (1 + 2j) / 2.0)
print(complex(2, 3) - 2, 10 / (1 + 1j), (1 + 1j) ** 2 == 2j)
z = 1 + 1j
z += 1
z *= 1j
z -= 0.5
print(z)
print([1j * k for k in range(4)])
print(complex(3).real.is_integer(), complex(4.5, 0).imag)
