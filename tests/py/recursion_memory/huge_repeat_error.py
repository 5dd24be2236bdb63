# Repetition counts that cannot fit an index raise OverflowError.
for seq in ("abc", [1, 2], (1,), b"xy"):
    try:
        seq * (10 ** 30)
    except (MemoryError, OverflowError) as e:
        print(type(seq).__name__, type(e).__name__)
try:
    "a" * -(10 ** 30)
    print("negative huge repeat is empty:", repr("a" * -(10 ** 30)))
except OverflowError as e:
    print("OverflowError")
