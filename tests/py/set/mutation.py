# add, remove, discard, pop, clear, update family.
s = {1, 2}
s.add(3)
s.add(1)
s.discard(2)
s.discard(99)
s.remove(3)
print(s)
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
s.update([5, 6], {7})
s |= {8}
s &= {1, 5, 6, 8, 9}
s -= {6}
s ^= {1, 10}
print(s)
s.intersection_update({5, 8, 10, 11})
s.difference_update([5])
s.symmetric_difference_update({8, 12})
print(s)
p = s.pop()
print(p, s)
s.clear()
print(s, len(s))
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
try:
    s.add([1])
except TypeError as e:
    print("TypeError:", e)
