# random: seeding variants, state round trips, choices with weights, sample with counts, distributions.
import random
for seed in [0, 1, -1, 2 ** 64 + 1, "text", b"bytes", bytearray(b"ba"), 3.5, True]:
    random.seed(seed)
    print(repr(seed), random.random(), random.getrandbits(16))
r = random.Random("state")
st = r.getstate()
a = [r.randrange(1000) for _ in range(5)]
r.setstate(st)
print(a == [r.randrange(1000) for _ in range(5)], st[0], len(st[1]))
r2 = random.Random()
r2.setstate(st)
print(r2.random() == random.Random("state").random())
rng = random.Random(42)
print(rng.choices("abc", k=5), rng.choices("abc", weights=[10, 1, 0], k=5), rng.choices(range(4), cum_weights=[1, 2, 3, 10], k=4))
print(rng.sample(range(50), 6), rng.sample("abcdef", k=3, counts=None), rng.sample(["x", "y"], counts=[3, 2], k=4))
deck = list(range(10))
rng.shuffle(deck)
print(deck, rng.randint(-5, 5), rng.randrange(0, 100, 7), rng.randrange(10, 0, -3), rng.getrandbits(70))
print(rng.choice(["solo"]), rng.randbytes(4).hex(), rng.randrange(2 ** 80) < 2 ** 80)
print(round(rng.uniform(-1, 1), 12), round(rng.triangular(0, 10, 2), 12), round(rng.triangular(), 12))
print([round(rng.expovariate(2.0), 10) for _ in range(2)], round(rng.normalvariate(5, 0.5), 10))
print(round(rng.gammavariate(2.5, 1.0), 10), round(rng.gammavariate(0.5, 2.0), 10), round(rng.betavariate(2, 3), 10))
print(round(rng.paretovariate(3), 10), round(rng.weibullvariate(1, 1.5), 10), round(rng.lognormvariate(0, 0.25), 10))
print(round(rng.vonmisesvariate(1.0, 4.0), 10), round(rng.gauss(), 10), round(rng.gauss(1, 2), 10))
for bad in [lambda: rng.choice(()), lambda: rng.randrange(5, 5), lambda: rng.randrange(1, 9, 0), lambda: rng.randint(3, 1),
            lambda: rng.sample(range(3), 4), lambda: rng.sample({"a", "b"}, 1), lambda: rng.choices("ab", [1, 2, 3]),
            lambda: rng.choices("ab", weights=[0, 0]), lambda: rng.getrandbits(-3), lambda: rng.seed([1, 2]),
            lambda: rng.setstate((9, (), None)), lambda: rng.choices("a", 2)]:
    try:
        bad()
    except (ValueError, TypeError, IndexError) as exc:
        print(type(exc).__name__ + ":", exc)
class Fixed(random.Random):
    def random(self):
        return 0.5
f = Fixed()
print(f.random(), f.randrange(10), f.choice("abcd"), f.uniform(0, 4))
