# Generators closing over variables and late binding.
def make_gens():
    gens = []
    for i in range(3):
        def g(i=i):
            yield i
            yield i * 10
        gens.append(g())
    return gens
print([list(g) for g in make_gens()])
def counter_gen(start):
    count = start
    def bump():
        nonlocal count
        count += 1
    while count < start + 3:
        yield count
        bump()
print(list(counter_gen(5)))
