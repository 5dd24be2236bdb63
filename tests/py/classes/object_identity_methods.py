# Default object behaviour: eq is identity, hash consistent, ne derived from eq.
class O:
    pass
a, b = O(), O()
print(a == a, a == b, a != b, a is a, hash(a) == hash(a), a.__eq__(b), a.__ne__(a))
class EqOnly:
    def __eq__(self, o):
        return True
print(EqOnly() != EqOnly(), EqOnly().__ne__(1))
print(object() == object(), type(object()).__name__, O.__base__ is object)
try:
    object().x = 1
except AttributeError as e:
    print("AttributeError:", e)
