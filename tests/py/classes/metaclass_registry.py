# A metaclass that validates and registers classes.
class Registry(type):
    classes = {}
    def __new__(mcls, name, bases, ns):
        if "run" not in ns and bases:
            raise TypeError(f"{name} must define run()")
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes[name] = cls
        return cls
    def __repr__(cls):
        return f"<task {cls.__name__}>"
class Task(metaclass=Registry):
    pass
class Build(Task):
    def run(self):
        return "building"
try:
    class Broken(Task):
        pass
except TypeError as e:
    print("TypeError:", e)
print(list(Registry.classes), Build().run(), Build, [Task, Build])
