# Formatting ints in bases with padding and alternate forms.
for n in [0, 1, 10, 255, 4096, -1, -4096, 2 ** 64]:
    print(f"{n:b}|{n:#b}|{n:o}|{n:#o}|{n:x}|{n:#X}|{n:#012x}|{n:_b}", bin(n), oct(n), hex(n))
print(f"{65:c}{0x263a:c}", format(9, "#06b"), format(-9, "#06b"), format(9, "+#x"))
