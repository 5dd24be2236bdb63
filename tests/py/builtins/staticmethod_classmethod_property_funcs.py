# staticmethod, classmethod and property used as functions.
class C:
    def _get(self):
        return self._v
    def _set(self, v):
        self._v = v * 2
    v = property(_get, _set)
    def plain(x):
        return x + 1
    plain = staticmethod(plain)
    def cm(cls):
        return cls.__name__
    cm = classmethod(cm)
c = C()
c.v = 5
print(c.v, C.plain(1), c.plain(2), C.cm(), c.cm(), type(C.__dict__["v"]).__name__)
