# In-place ops on ints create new objects; loops with large accumulators.
x = 1
y = x
x += 1
print(x, y)
acc = 0
for i in range(1, 200):
    acc += i ** 5
print(acc)
prod = 1
for i in range(1, 60):
    prod *= 2 * i + 1
print(prod)
n = 2 ** 300
n //= 3
n -= 1
n %= 10 ** 30
print(n)
m = -(10 ** 25)
m >>= 10
print(m)
m <<= 5
print(m)
