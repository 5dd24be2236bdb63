# Unary and bitwise special methods.
class Bits:
    def __init__(self, v):
        self.v = v
    def __and__(self, o): return Bits(self.v & o.v)
    def __or__(self, o): return Bits(self.v | o.v)
    def __xor__(self, o): return Bits(self.v ^ o.v)
    def __lshift__(self, n): return Bits(self.v << n)
    def __rshift__(self, n): return Bits(self.v >> n)
    def __rlshift__(self, n): return f"rlshift {n} << {self.v}"
    def __invert__(self): return Bits(~self.v)
    def __neg__(self): return Bits(-self.v)
    def __pos__(self): return Bits(+self.v + 1000)
    def __abs__(self): return Bits(abs(self.v))
    def __index__(self): return self.v
    def __int__(self): return self.v
    def __float__(self): return float(self.v) + 0.5
    def __round__(self, n=None): return f"round({n})"
    def __repr__(self): return f"Bits({self.v})"
a, b = Bits(12), Bits(10)
print(a & b, a | b, a ^ b, a << 2, a >> 2, 1 << a, ~a, -a, +a, abs(Bits(-3)))
print(int(a), float(a), round(a), round(a, 2), bin(a), hex(a), [0, 1, 2, 3][Bits(2)], range(10)[Bits(3)])
class NoNeg:
    pass
try:
    -NoNeg()
except TypeError as e:
    print("TypeError:", e)
try:
    abs(NoNeg())
except TypeError as e:
    print("TypeError:", e)
try:
    ~NoNeg()
except TypeError as e:
    print("TypeError:", e)
