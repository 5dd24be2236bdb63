# __ne__ defaults to the inverse of __eq__ unless NotImplemented.
class E:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print("eq called")
        return self.v == getattr(o, "v", None)
print(E(1) != E(1), E(1) != E(2))
class CustomNe(E):
    def __ne__(self, o):
        return "custom ne"
print(CustomNe(1) != E(1))
