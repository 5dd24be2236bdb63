// boot.js - the page's first, small module: starts txpy (fetching and
// compiling the WebAssembly module, starting its workers), then loads the
// much larger app.js (editor and panels) once txpy's own thread exists,
// so that evaluating app.js on the page's thread does not hold up the
// start and the two overlap.
//
// Invariant: engineStarting is created exactly once per page: this module
// is bundled on its own (dist/boot.js) and app.js imports it by that URL
// (web/build.mjs keeps both imports external), and ES modules are
// evaluated once per URL; it never rejects unhandled.

import { createEngine, PROGRAM_NAME } from './engine.js';

export { PROGRAM_NAME };

export const HWC = Math.max(1, navigator.hardwareConcurrency || 1);
export const engineStarting = createEngine(HWC, () => {
  import('./app.js').catch((err) => {
    const status = document.getElementById('status');
    status.textContent = `The page script could not be loaded: ${err && err.message ? err.message : err}`;
    status.className = 'status bad';
  });
});
engineStarting.catch(() => {});
