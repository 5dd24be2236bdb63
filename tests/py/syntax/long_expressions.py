# Long and deeply parenthesized expressions.
x = ((((((((((1 + 2) * 3) - 4) // 2) ** 2) % 7) + 8) * 9) - 10) + 11)
print(x)
total = (1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + 13 + 14 + 15
         + 16 + 17 + 18 + 19 + 20 + 21 + 22 + 23 + 24 + 25 + 26 + 27 + 28)
print(total)
nested = [[[[[[[[[[42]]]]]]]]]]
print(nested[0][0][0][0][0][0][0][0][0][0])
s = "-".join(str(i) for i in range(30))
print(s)
print(sum([[1], [2], [3]], []))
f = lambda a: lambda b: lambda c: a + b + c
print(f(1)(2)(3))
