# assert with and without message.
assert True
assert 1 == 1, "never shown"
try:
    assert False
except AssertionError as e:
    print("empty:", repr(e), e.args)
try:
    assert 1 > 2, "one is not greater"
except AssertionError as e:
    print("msg:", e, e.args)
try:
    assert [], ["a", "list", "message"]
except AssertionError as e:
    print("list msg:", e.args[0])
calls = []
def msg():
    calls.append(1)
    return "m"
assert True, msg()
print("msg evaluated:", len(calls))
t = (0, "a non-empty tuple is truthy")
assert t
print("tuple assertion passed")
