# Float comparisons and ordering.
print(0.1 + 0.2 == 0.3, 0.1 + 0.2 > 0.3, abs(0.1 + 0.2 - 0.3) < 1e-15)
print(-0.0 == 0.0, -0.0 < 0.0, 1.0 == 1, 1.5 > 1, 1e-320 > 0)
print(sorted([2.5, -1.0, 0.0, -0.0, 1e-9, -1e9]))
print(max(0.0, -0.0), min(0.0, -0.0), max(-0.0, 0.0))
print(1.0 < 2 < 3.0, float("inf") > 10 ** 1000, 10 ** 1000 < float("inf"))
try:
    1.0 < "1"
except TypeError as e:
    print("TypeError:", e)
try:
    1.0 < None
except TypeError as e:
    print("TypeError:", e)
