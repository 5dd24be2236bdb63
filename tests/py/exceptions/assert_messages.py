# Assertion messages.
def check(x):
    assert x > 0, f"x must be positive, got {x}"
    return x
print(check(1))
try:
    check(-5)
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert 1 == 2
except AssertionError as e:
    print("AssertionError args:", e.args, repr(str(e)))
try:
    assert None, None
except AssertionError as e:
    print("message None:", e.args)
try:
    assert False, ("tuple", "msg")
except AssertionError as e:
    print("tuple message:", e.args)
