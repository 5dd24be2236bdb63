# random.choice, shuffle, sample with seeds.
import random
random.seed(7)
items = list(range(10))
print(random.choice(items), random.choice("abcdef"), random.choice((1, 2, 3)))
random.shuffle(items)
print(items)
print(random.sample(range(100), 5), random.sample(["a", "b", "c", "d"], 4), random.sample(range(10 ** 6), 3))
for bad in [lambda: random.choice([]), lambda: random.sample(range(3), 5), lambda: random.randrange(0),
            lambda: random.randint(5, 1), lambda: random.sample({1, 2}, 1)]:
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
