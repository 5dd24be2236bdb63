# stderr: type  (the exact 3.11 wording is a heuristic hint)
x = [1 2 3]
