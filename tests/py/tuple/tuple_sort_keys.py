# Sorting with tuple keys (multi-level ordering).
people = [("ann", 31, "nyc"), ("bob", 25, "sf"), ("cy", 31, "la"), ("di", 25, "nyc"), ("ed", 40, "sf")]
print(sorted(people, key=lambda p: (p[1], p[0])))
print(sorted(people, key=lambda p: (-p[1], p[2])))
print(sorted(people, key=lambda p: (p[2], -p[1], p[0])))
print(max(people, key=lambda p: (p[1], p[0])), min(people, key=lambda p: p[2]))
