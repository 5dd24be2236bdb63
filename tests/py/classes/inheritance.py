# Single inheritance, overriding, super().
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return "animal"
class Dog(Animal):
    sound = "woof"
    def kind(self):
        return "dog, an " + super().kind()
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + f" (age {self.age})"
p = Puppy("Rex", 1)
print(p.speak(), p.kind(), Dog("Fido").speak(), Animal("X").speak())
print(isinstance(p, Animal), issubclass(Puppy, Animal), issubclass(Animal, Dog), Puppy.__bases__, Puppy.__base__)
print([c.__name__ for c in Puppy.__mro__])
print(Puppy.mro() == list(Puppy.__mro__))
