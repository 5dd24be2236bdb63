# __bool__ and __len__ determine truthiness of user objects.
class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool called")
        return self.v
class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        print("len called")
        return self.n
class Both:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
print(bool(B(True)), bool(B(False)), bool(L(0)), bool(L(3)), bool(Both()))
if B(True):
    print("if uses __bool__")
print(not L(0), B(False) or "or-fallback", L(2) and "and-result")
while L(0):
    print("never")
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
class NegLen:
    def __len__(self):
        return -1
try:
    bool(NegLen())
except ValueError as e:
    print("ValueError:", e)
class StrLen:
    def __len__(self):
        return "3"
try:
    bool(StrLen())
except TypeError as e:
    print("TypeError:", e)
