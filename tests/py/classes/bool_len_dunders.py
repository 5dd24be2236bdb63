# __bool__ and __len__ on classes control truthiness.
class Box:
    def __init__(self, items):
        self.items = items
    def __len__(self):
        return len(self.items)
class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        return self.on
print(bool(Box([])), bool(Box([1])), len(Box("abc")), bool(Flag(True)), not Flag(False))
print([x for x in [Box([]), Box([0]), Flag(0 == 1), Flag(True)] if x].__len__())
class Huge:
    def __len__(self):
        return 2 ** 70
try:
    len(Huge())
except OverflowError as e:
    print("OverflowError:", e)
try:
    bool(Huge())
except OverflowError as e:
    print("OverflowError:", e)
