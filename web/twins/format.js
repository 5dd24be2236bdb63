// format.js - the bits of Python's %-formatting the twins need to print
// exactly what the examples print.
//
// Invariant: rjust(v, w) is Python's "%<w>d" / "%<w>s" for the integers
// and ASCII strings the twins format.

export function rjust(value, width) {
  return String(value).padStart(width, ' ');
}
