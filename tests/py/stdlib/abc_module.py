# abc: abstract methods and properties, instantiation errors, register and __subclasshook__.
from abc import ABC, ABCMeta, abstractmethod, abstractproperty
class Shape(ABC):
    @abstractmethod
    def area(self):
        ...
    @property
    @abstractmethod
    def name(self):
        ...
    def describe(self):
        return f"{self.name}: {self.area()}"
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
    @property
    def name(self):
        return "square"
print(Sq(3).describe(), sorted(Shape.__abstractmethods__), Sq.__abstractmethods__ == frozenset())
class Half(Shape):
    def area(self):
        return 0
try:
    Half()
except TypeError as exc:
    print("TypeError:", str(exc).split(" with")[0])
class Duck(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        return True if hasattr(C, "quack") else NotImplemented
class Mallard:
    def quack(self):
        return "quack"
print(isinstance(Mallard(), Duck), issubclass(int, Duck), Duck.register(int) is int, isinstance(3, Duck))
