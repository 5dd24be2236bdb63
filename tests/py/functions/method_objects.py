# Bound and unbound methods.
class A:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
a = A(5)
m = a.get
print(m(), A.get(a), m.__self__ is a, m.__func__ is A.get, m.__name__, type(m).__name__)
print(a.get == a.get, a.get is a.get, A(1).get == A(1).get)
fns = [A(i).get for i in range(3)]
print([f() for f in fns])
a.get = lambda: "instance attr"
print(a.get(), A.get(a))
print(list(map(A.get, [A(7), A(8)])))
