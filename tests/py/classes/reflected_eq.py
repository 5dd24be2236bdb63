# Reflected comparison: subclass methods take priority.
class A:
    def __eq__(self, other):
        print("A.__eq__")
        return NotImplemented
class B(A):
    def __eq__(self, other):
        print("B.__eq__")
        return True
print(A() == B())
print(B() == A())
class L:
    def __lt__(self, other):
        print("L.__lt__")
        return NotImplemented
class G:
    def __gt__(self, other):
        print("G.__gt__")
        return "gt-result"
print(L() < G())
print(1 < G())
class N:
    def __eq__(self, o):
        return NotImplemented
print(N() == N(), N() != N())
