# stderr: type  (the exact 3.11 wording is a heuristic hint)
a, b += 1
