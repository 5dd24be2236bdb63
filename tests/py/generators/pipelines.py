# Generator pipelines.
lines = ["# comment", "alpha 3", "", "beta 10", "gamma x", "delta 7", "# another"]
def non_comment(ls):
    for l in ls:
        if l and not l.startswith("#"):
            yield l
def parse(ls):
    for l in ls:
        name, _, val = l.partition(" ")
        try:
            yield name, int(val)
        except ValueError:
            print("skipping bad line:", l)
def large(pairs, threshold):
    for name, v in pairs:
        if v >= threshold:
            yield name
print(list(large(parse(non_comment(lines)), 5)))
def trace(tag, it):
    for x in it:
        print(tag, x)
        yield x
pipe = trace("B", (x * 2 for x in trace("A", range(3))))
print(next(pipe))
print(list(pipe))
