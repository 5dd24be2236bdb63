# Keys whose __eq__/__hash__ are custom: lookups call them.
class Key:
    calls = 0
    def __init__(self, name):
        self.name = name
    def __hash__(self):
        Key.calls += 1
        return 42
    def __eq__(self, other):
        return isinstance(other, Key) and self.name.lower() == other.name.lower()
    def __repr__(self):
        return "Key(%r)" % self.name
d = {Key("A"): 1, Key("b"): 2}
print(len(d), d[Key("a")], d[Key("B")], Key("c") in d)
d[Key("a")] = 10
print(d)
print(Key.calls > 0)
