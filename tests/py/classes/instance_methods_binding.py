# Functions stored on instances are not bound; class functions are.
class C:
    def m(self):
        return "method"
def free(self=None):
    return "free " + str(self is not None)
c = C()
c.f = free
C.g = free
print(c.m(), c.f(), c.g(), C.g(), type(c.f).__name__, type(c.g).__name__)
print(C.m(c), C.__dict__["m"](c), getattr(c, "m")())
