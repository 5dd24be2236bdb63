# Loops with floats: Newton's method, compound interest, statistics.
def newton_sqrt(a):
    x = a
    for _ in range(60):
        x = 0.5 * (x + a / x)
    return x
print([newton_sqrt(v) for v in (2.0, 9.0, 1e10, 0.25)])
balance = 1000.0
for year in range(10):
    balance *= 1.05
print(balance, round(balance, 2))
data = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]
mean = sum(data) / len(data)
var = sum((d - mean) ** 2 for d in data) / len(data)
print(mean, var, var ** 0.5)
x = 0.0
for i in range(100):
    x += 0.1
print(x, x == 10.0)
