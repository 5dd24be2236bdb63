# Functions as values: passing, returning, storing.
def apply(fn, *args):
    return fn(*args)
def twice(fn):
    return lambda x: fn(fn(x))
print(apply(max, 3, 9, 2), apply(len, "abc"), twice(lambda x: x * 3)(2))
pipeline = [str.strip, str.lower, lambda s: s.replace(" ", "_")]
s = "  Hello World  "
for step in pipeline:
    s = step(s)
print(s)
def dispatch(op):
    return {"double": lambda x: x * 2, "neg": lambda x: -x}.get(op, lambda x: x)
print(dispatch("double")(4), dispatch("neg")(4), dispatch("other")(4))
print(list(map(str.upper, ["a", "b"])), sorted(["b", "A", "c"], key=str.casefold))
fns = [abs, round, int]
print([f(-2.6) for f in fns])
