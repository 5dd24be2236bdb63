# Powers of two and ten, big int arithmetic identities.
p = 2 ** 1000
print(p)
print(len(str(p)), p.bit_length(), p % 10 ** 20)
print(3 ** 200)
print((-3) ** 101)
print(10 ** 50 + 1, 10 ** 50 - 1)
print((10 ** 40 + 7) * (10 ** 40 - 7) == 10 ** 80 - 49)
x = 123456789123456789123456789
y = 987654321987654321
print(x * y, x // y, x % y, -x // y, -x % y)
print(divmod(x, -y))
print(x ** 3)
print((2 ** 200 - 1) // (2 ** 100 + 1) == 2 ** 100 - 1)
print(2 ** 521 - 1)
