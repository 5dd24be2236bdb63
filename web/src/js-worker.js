// js-worker.js - runs the examples' JavaScript twins off the page's thread
// (a module Web Worker; jsrunner.js starts a few and hands them work).
//
// Messages in:  {id, op: 'ping'}                          answers {id}
//               {id, op: 'run', example}                 whole twin here
//               {id, op: 'tasks', example, first, step}  split tasks first,
//                                                        first+step, ...
//               {id, op: 'finish', example, partials}    split finish
// Messages out: {id} | {id, output} | {id, partials: [[i, partial], ...]} |
//               {id, error}
// Invariant: every message in gets exactly one answer with its id; a
// throwing twin answers {id, error} and the worker stays usable.

import { exampleById, runTwin } from './examples.js';

self.onmessage = (event) => {
  const { id, op, example } = event.data;
  if (op === 'ping') {
    self.postMessage({ id });
    return;
  }
  try {
    const ex = exampleById(example);
    if (!ex) throw new Error(`unknown example ${example}`);
    if (op === 'run') {
      self.postMessage({ id, output: runTwin(ex.twin) });
    } else if (op === 'tasks') {
      const { first, step } = event.data;
      const partials = [];
      for (let i = first; i < ex.twin.split.count(); i += step) partials.push([i, ex.twin.split.task(i)]);
      self.postMessage({ id, partials });
    } else if (op === 'finish') {
      self.postMessage({ id, output: ex.twin.split.finish(event.data.partials) });
    } else {
      throw new Error(`unknown operation ${op}`);
    }
  } catch (err) {
    self.postMessage({ id, error: String(err && err.stack ? err.stack : err) });
  }
};
