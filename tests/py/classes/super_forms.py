# super() zero-argument and two-argument forms.
class Base:
    def greet(self):
        return "base"
    @classmethod
    def make(cls):
        return "made " + cls.__name__
class Mid(Base):
    def greet(self):
        return "mid+" + super().greet()
    @classmethod
    def make(cls):
        return "mid " + super().make()
class Leaf(Mid):
    def greet(self):
        return "leaf+" + super(Mid, self).greet()
    def explicit(self):
        return super(Leaf, self).greet()
print(Leaf().greet(), Leaf().explicit(), Leaf.make(), Mid.make())
print(super(Leaf, Leaf()).greet(), super(Mid, Leaf).make())
class NoInit:
    pass
class Child(NoInit):
    def __init__(self):
        super().__init__()
        self.ok = True
print(Child().ok)
try:
    super(Leaf, Base()).greet()
except TypeError as e:
    print("TypeError:", e)
def outside():
    return super()
try:
    outside()
except RuntimeError as e:
    print("RuntimeError:", e)
