# bytes() from objects implementing __bytes__ or __index__ iterables.
class B:
    def __bytes__(self):
        return b"custom"
class I:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
print(bytes(B()), bytes([I(65), I(66)]), bytes(I(3)), bytearray(I(2)))
class Bad:
    def __bytes__(self):
        return "not bytes"
try:
    bytes(Bad())
except TypeError as e:
    print("TypeError:", e)
print(bytes(iter([1, 2, 3])), bytes((x for x in range(3))), bytes({7: 0}))
