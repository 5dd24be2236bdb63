# Impossible allocations raise MemoryError or OverflowError, as CPython does.
try:
    x = [0] * (2 ** 62)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__)
try:
    x = [0] * (2 ** 64)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__)
try:
    s = "ab" * (2 ** 63)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__)
try:
    s = "x" * (2 ** 62)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__)
try:
    b = bytes(2 ** 62)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__)
print("still running", len([0] * 1000))
