# __eq__ and ordering methods; NotImplemented fallbacks and reflection.
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print(f"V.__eq__({self.v}, {o!r})")
        if isinstance(o, V):
            return self.v == o.v
        return NotImplemented
    def __lt__(self, o):
        if isinstance(o, V):
            return self.v < o.v
        return NotImplemented
    def __repr__(self):
        return f"V({self.v})"
print(V(1) == V(1), V(1) != V(2))
print(V(1) == 1)
print(V(1) < V(2), V(2) > V(1))
print(sorted([V(3), V(1), V(2)]))
try:
    V(1) <= V(2)
except TypeError as e:
    print("TypeError:", e)
try:
    V(1) < 5
except TypeError as e:
    print("TypeError:", e)
class Plain:
    pass
p = Plain()
print(p == p, p != p, Plain() == Plain())
