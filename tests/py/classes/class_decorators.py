# Class decorators.
def add_greeting(cls):
    cls.greet = lambda self: f"hello from {type(self).__name__}"
    return cls
def register(registry):
    def deco(cls):
        registry[cls.__name__] = cls
        return cls
    return deco
REG = {}
@register(REG)
@add_greeting
class Widget:
    pass
print(Widget().greet(), list(REG), REG["Widget"] is Widget)
def singleton(cls):
    instances = {}
    def get(*a):
        if cls not in instances:
            instances[cls] = cls(*a)
        return instances[cls]
    return get
@singleton
class Config:
    def __init__(self, v):
        self.v = v
print(Config(1).v, Config(2).v, Config(3) is Config(4))
