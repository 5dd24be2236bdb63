# particles: many small, independent particle systems, one transaction per
# system.  Each system is a handful of Particle objects with Vec position
# and velocity; every step computes pairwise soft repulsion plus a spring
# towards the centre, and every arithmetic operation allocates a new Vec, so
# the transactions allocate heavily.  Each transaction stores its summary
# tuple into a dict shared by all of them, under its own key "sys<k>": the
# transactions are independent and write distinct keys of one dict.
#
# Only + - * / and math.sqrt on floats (all correctly rounded): the result
# is bit-for-bit the same on every IEEE-754 machine and in the JavaScript
# twin.  Reported values are floats scaled by 1e6 and truncated to integers.
#
# Usage: python3 particles.py [--size tiny|quick|default]
# Prints "OK particles <size> <result>" when the result matches the table
# below, else "CHECK FAILED: ..." on stderr, exit status 1.
# bench/js/particles.js is the JavaScript twin and prints the same line.

import sys
import math
import transaction

# size -> (systems, particles per system, steps); one transaction per system.
SIZES = {
    "tiny": (8, 6, 10),
    "quick": (40, 8, 20),
    "default": (300, 10, 40),
}

EXPECTED = {
    "tiny": "systems=8 energy=244773880 checksum=478538075",
    "quick": "systems=40 energy=3053306093 checksum=371971430",
    "default": "systems=300 energy=30860270904 checksum=369117900",
}

MODULUS = 2147483647
DT = 0.01


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
    # Park-Miller generator; every value is an exact double in JavaScript.
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
    forces = [Vec(0.0, 0.0) for _ in particles]
    count = len(particles)
    for i in range(count):
        pi = particles[i]
        for j in range(i + 1, count):
            d = pi.pos - particles[j].pos
            r2 = d.norm2() + 0.01
            push = d.scale(pi.mass * particles[j].mass / (r2 * math.sqrt(r2)))
            forces[i] = forces[i] + push
            forces[j] = forces[j] - push
        # Spring towards the origin and drag.
        forces[i] = forces[i] - pi.pos.scale(4.0 * pi.mass) - pi.vel.scale(0.5)
    for i in range(count):
        p = particles[i]
        p.vel = p.vel + forces[i].scale(DT / p.mass)
        p.pos = p.pos + p.vel.scale(DT)


def simulate(k, count, steps, results):
    particles = make_system(k + 1, count)
    for _ in range(steps):
        step(particles)
    energy = 0.0
    centre = Vec(0.0, 0.0)
    for p in particles:
        energy += 0.5 * p.mass * p.vel.norm2()
        centre = centre + p.pos.scale(p.mass)
    results["sys%d" % k] = (int(energy * 1e6), int(centre.x * 1e6),
                           int(centre.y * 1e6))


def run(size):
    systems, count, steps = SIZES[size]
    results = {}
    for k in range(systems):
        transaction.add(simulate, k, count, steps, results)
    transaction.run()
    energy = 0
    checksum = 0
    for k in range(systems):
        e, cx, cy = results["sys%d" % k]
        energy += e
        checksum = (checksum * 31 + e + 3 * cx + 7 * cy) % 1000000007
    return "systems=%d energy=%d checksum=%d" % (len(results), energy,
                                                checksum)


def parse_size(argv):
    # "--size NAME" or "--size=NAME"; None on a bad command line.
    args = argv[1:]
    if not args:
        return "default"
    if len(args) == 2 and args[0] == "--size":
        name = args[1]
    elif len(args) == 1 and args[0].startswith("--size="):
        name = args[0][len("--size="):]
    else:
        return None
    return name if name in SIZES else None


def main(argv):
    size = parse_size(argv)
    if size is None:
        sys.stderr.write("usage: particles.py [--size tiny|quick|default]\n")
        return 2
    result = run(size)
    expected = EXPECTED.get(size)
    if expected is None:
        print("UNCHECKED particles %s %s" % (size, result))
        return 0
    if result != expected:
        sys.stderr.write("CHECK FAILED: particles %s: got %s, expected %s\n"
                         % (size, result, expected))
        return 1
    print("OK particles %s %s" % (size, result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
