// twins.test.mjs - every example's JavaScript twin, run under Node, prints
// exactly what CPython prints for the example with the serial reference
// module; split twins also give it with their tasks done out of order
// (as workers finish them) and put back in place.

import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { WEB_DIR, cpythonOutput } from './helpers.mjs';

const names = fs.readdirSync(path.join(WEB_DIR, 'examples')).filter((f) => f.endsWith('.py')).map((f) => f.slice(0, -3)).sort();

test('at least six examples, each with a twin', () => {
  assert.ok(names.length >= 6, `${names.length} examples`);
  for (const name of names) assert.ok(fs.existsSync(path.join(WEB_DIR, 'twins', `${name}.js`)), `twins/${name}.js`);
});

for (const name of names) {
  test(`twin of ${name}.py`, async () => {
    const { twin } = await import(`../twins/${name}.js`);
    const expected = cpythonOutput(path.join('web', 'examples', `${name}.py`));
    if (twin.run) {
      assert.equal(twin.run(), expected);
      return;
    }
    const count = twin.split.count();
    const partials = new Array(count);
    // Two "workers" taking every other task, the second one first.
    for (const first of [1, 0]) {
      for (let i = first; i < count; i += 2) partials[i] = structuredClone(twin.split.task(i));
    }
    assert.equal(twin.split.finish(partials), expected);
  });
}
