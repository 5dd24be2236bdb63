# Nested conditional expressions and lambdas returning conditionals.
sign = lambda n: "-" if n < 0 else ("0" if n == 0 else "+")
print([sign(n) for n in (-2, 0, 3)])
classify = lambda n: "fizzbuzz" if n % 15 == 0 else "fizz" if n % 3 == 0 else "buzz" if n % 5 == 0 else n
print([classify(n) for n in range(1, 16)])
print((lambda a, b: a if a > b else b)(3, 7), 1 if [] else 2 if {} else 3)
