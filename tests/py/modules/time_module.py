# time: only deterministic properties are printed.
import time
t = time.time()
print(type(t).__name__, t > 1.6e9)
a = time.perf_counter()
time.sleep(0.01)
b = time.perf_counter()
print(b >= a, b - a >= 0.005, type(a).__name__)
m1 = time.monotonic()
m2 = time.monotonic()
print(m2 >= m1)
ns = time.time_ns()
print(type(ns).__name__, ns > 1.6e18)
c = time.perf_counter_ns()
print(type(c).__name__, time.perf_counter_ns() >= c)
time.sleep(0)
print("slept")
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    time.sleep("1")
except TypeError as e:
    print("TypeError:", e)
