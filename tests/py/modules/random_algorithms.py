# Seeded random used by algorithms: Monte Carlo and random walks (exact values).
import random
rng = random.Random(31337)
inside = sum(1 for _ in range(2000) if rng.random() ** 2 + rng.random() ** 2 <= 1)
print(inside, 4 * inside / 2000)
pos = 0
path = []
for _ in range(20):
    pos += rng.choice((-1, 1))
    path.append(pos)
print(path)
deck = [r + s for s in "SHDC" for r in "A23456789TJQK"]
rng.shuffle(deck)
print(deck[:5], rng.sample(deck, 3))
print(sorted(rng.randrange(1000) for _ in range(8)))
