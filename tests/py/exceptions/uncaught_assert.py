# An uncaught failed assert exits 1 with "AssertionError: message".
total = sum([1, 2, 3])
assert total == 7, f"expected 7, got {total}"
