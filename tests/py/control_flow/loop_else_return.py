# else clauses combined with return/break in functions.
def contains(seq, target):
    for x in seq:
        if x == target:
            break
    else:
        return False
    return True
print(contains([1, 2, 3], 2), contains([1, 2, 3], 7), contains([], None))
def retry(attempts):
    n = 0
    while n < attempts:
        n += 1
        if n == 3:
            return f"succeeded on attempt {n}"
    else:
        return f"gave up after {n}"
print(retry(5), retry(2))
