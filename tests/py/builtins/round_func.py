# round() on ints, floats and custom objects.
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(123.456, -1), round(7), round(7, -1), round(15, -1))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(7, 2)).__name__, round(0.5 + 1e-16), round(-0.4))
class R:
    def __round__(self, n=None):
        return ("rounded", n)
print(round(R()), round(R(), 3))
for bad in [lambda: round("1.5"), lambda: round(1.5, "1"), lambda: round(object())]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
