# print of large outputs and special characters.
print("x" * 5000)
print("\0 nul and \x7f del", "\u2028 line sep")
print(*["row"] * 300, sep="\n")
print(10 ** 100)
print([list(range(20))] * 5)
