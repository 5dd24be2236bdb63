# Conditional expressions vs filters in comprehensions.
nums = range(-3, 4)
print([n if n > 0 else 0 for n in nums], [n for n in nums if n > 0], [("neg" if n < 0 else "zero" if n == 0 else "pos") for n in nums])
print(["fizzbuzz" if i % 15 == 0 else "fizz" if i % 3 == 0 else "buzz" if i % 5 == 0 else str(i) for i in range(1, 16)])
