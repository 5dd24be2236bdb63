# Particles: an object-heavy simulation.
#
# SYSTEMS small particle systems, each with pairwise soft repulsion and a
# spring to the centre, stepped STEPS times.  Every vector operation makes
# a new Vec object, so the work is allocation, method calls and attribute
# access.  One transaction per system: it builds its particles, simulates
# them and stores a summary into its own slot of `results`.  The systems
# share nothing, so the transactions never conflict.
import math
import transaction

SYSTEMS = 24
PARTICLES = 10
STEPS = 100
DT = 0.01
MODULUS = 2147483647


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)

    def norm2(self):
        return self.x * self.x + self.y * self.y


class Particle:
    def __init__(self, pos, vel, mass):
        self.pos = pos
        self.vel = vel
        self.mass = mass


def make_system(seed, count):
    # Park-Miller generator seeded per system: no shared random state.
    state = seed
    particles = []
    for _ in range(count):
        state = state * 48271 % MODULUS
        x = state / MODULUS * 2.0 - 1.0
        state = state * 48271 % MODULUS
        y = state / MODULUS * 2.0 - 1.0
        state = state * 48271 % MODULUS
        mass = 1.0 + state % 4
        particles.append(Particle(Vec(x, y), Vec(0.0, 0.0), mass))
    return particles


def step(particles):
    count = len(particles)
    forces = [Vec(0.0, 0.0) for _ in particles]
    for i in range(count):
        pi = particles[i]
        for j in range(i + 1, count):
            d = pi.pos - particles[j].pos
            r2 = d.norm2() + 0.01
            push = d.scale(pi.mass * particles[j].mass / (r2 * math.sqrt(r2)))
            forces[i] = forces[i] + push
            forces[j] = forces[j] - push
        forces[i] = forces[i] - pi.pos.scale(4.0 * pi.mass) - pi.vel.scale(0.5)
    for i in range(count):
        p = particles[i]
        p.vel = p.vel + forces[i].scale(DT / p.mass)
        p.pos = p.pos + p.vel.scale(DT)


results = [None] * SYSTEMS


def simulate(k):
    particles = make_system(k + 1, PARTICLES)
    for _ in range(STEPS):
        step(particles)
    energy = 0.0
    centre = Vec(0.0, 0.0)
    for p in particles:
        energy += 0.5 * p.mass * p.vel.norm2()
        centre = centre + p.pos.scale(p.mass)
    results[k] = (int(energy * 1e6), int(centre.x * 1e6), int(centre.y * 1e6))
    print("system %2d: energy %10d  centre (%8d, %8d)" % ((k,) + results[k]))


for k in range(SYSTEMS):
    transaction.add(simulate, k)
transaction.run()

energy = 0
checksum = 0
for e, cx, cy in results:
    energy += e
    checksum = (checksum * 31 + e + 3 * cx + 7 * cy) % 1000000007
print("systems=%d energy=%d checksum=%d" % (len(results), energy, checksum))
