# int() with objects providing __int__, __index__, __trunc__.
class I:
    def __index__(self):
        return 7
class N:
    def __int__(self):
        return 42
print(int(I()), int(N()))
print([0, 1, 2, 3, 4, 5, 6, 7, 8][I()], bin(I()), hex(I()), range(I())[-1])
print("ab" * I())
class BadInt:
    def __int__(self):
        return "no"
try:
    int(BadInt())
except TypeError as e:
    print("TypeError:", e)
class Bare:
    pass
try:
    int(Bare())
except TypeError as e:
    print("TypeError:", e)
try:
    [1][Bare()]
except TypeError as e:
    print("TypeError:", e)
print(int("10", base=I()))
