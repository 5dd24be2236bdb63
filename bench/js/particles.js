// particles: JavaScript twin of bench/parallel/particles.py (same
// algorithm, sizes and output line).  Many small independent particle
// systems with pairwise soft repulsion and a spring to the centre, every
// vector operation allocating a new Vec; --threads N spreads the systems
// over N worker_threads.  The float operations are the Python program's,
// in the same order (only + - * / and Math.sqrt, all correctly rounded), so
// the results are bit-for-bit equal.

import { MODULUS, cli, pyMod, runSplit } from './common.js';

// size -> [systems, particles per system, steps]
const SIZES = {
  tiny: [8, 6, 10],
  quick: [40, 8, 20],
  default: [300, 10, 40],
};

const EXPECTED = {
  tiny: 'systems=8 energy=244773880 checksum=478538075',
  quick: 'systems=40 energy=3053306093 checksum=371971430',
  default: 'systems=300 energy=30860270904 checksum=369117900',
};

const DT = 0.01;

class Vec {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }

  add(other) { return new Vec(this.x + other.x, this.y + other.y); }

  sub(other) { return new Vec(this.x - other.x, this.y - other.y); }

  scale(k) { return new Vec(this.x * k, this.y * k); }

  norm2() { return this.x * this.x + this.y * this.y; }
}

class Particle {
  constructor(pos, vel, mass) {
    this.pos = pos;
    this.vel = vel;
    this.mass = mass;
  }
}

function makeSystem(seed, count) {
  let state = seed;
  const particles = [];
  for (let n = 0; n < count; n++) {
    state = state * 48271 % MODULUS;
    const x = state / MODULUS * 2.0 - 1.0;
    state = state * 48271 % MODULUS;
    const y = state / MODULUS * 2.0 - 1.0;
    state = state * 48271 % MODULUS;
    const mass = 1.0 + state % 4;
    particles.push(new Particle(new Vec(x, y), new Vec(0.0, 0.0), mass));
  }
  return particles;
}

function step(particles) {
  const count = particles.length;
  const forces = particles.map(() => new Vec(0.0, 0.0));
  for (let i = 0; i < count; i++) {
    const pi = particles[i];
    for (let j = i + 1; j < count; j++) {
      const d = pi.pos.sub(particles[j].pos);
      const r2 = d.norm2() + 0.01;
      const push = d.scale(pi.mass * particles[j].mass / (r2 * Math.sqrt(r2)));
      forces[i] = forces[i].add(push);
      forces[j] = forces[j].sub(push);
    }
    forces[i] = forces[i].sub(pi.pos.scale(4.0 * pi.mass)).sub(pi.vel.scale(0.5));
  }
  for (let i = 0; i < count; i++) {
    const p = particles[i];
    p.vel = p.vel.add(forces[i].scale(DT / p.mass));
    p.pos = p.pos.add(p.vel.scale(DT));
  }
}

// One system: [energy, centre x, centre y], each scaled by 1e6 and
// truncated like Python's int().
function simulate(k, count, steps) {
  const particles = makeSystem(k + 1, count);
  for (let s = 0; s < steps; s++) step(particles);
  let energy = 0.0;
  let centre = new Vec(0.0, 0.0);
  for (const p of particles) {
    energy += 0.5 * p.mass * p.vel.norm2();
    centre = centre.add(p.pos.scale(p.mass));
  }
  return [Math.trunc(energy * 1e6), Math.trunc(centre.x * 1e6), Math.trunc(centre.y * 1e6)];
}

const split = {
  count: ([systems]) => systems,
  task: ([, count, steps], k) => simulate(k, count, steps),
  finish([systems], results) {
    let energy = 0;
    let checksum = 0;
    for (let k = 0; k < systems; k++) {
      const [e, cx, cy] = results[k];
      energy += e;
      checksum = pyMod(checksum * 31 + e + 3 * cx + 7 * cy, 1000000007);
    }
    return `systems=${results.length} energy=${energy} checksum=${checksum}`;
  },
};

export const bench = {
  name: 'particles',
  sizes: SIZES,
  expected: EXPECTED,
  params: (sizeName) => SIZES[sizeName],
  run: (sizeName) => runSplit(split, SIZES[sizeName]),
  split,
};

cli(bench, import.meta.url);
