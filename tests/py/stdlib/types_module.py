# types: SimpleNamespace, new_class, type objects of builtin kinds.
import types
ns = types.SimpleNamespace(a=1, b=[2])
ns.c = "three"
del ns.a
print(ns, ns == types.SimpleNamespace(b=[2], c="three"), ns != types.SimpleNamespace(), vars(ns))
print(repr(types.SimpleNamespace()), types.SimpleNamespace(y=2))
try:
    types.SimpleNamespace({"x": 1})
except TypeError as exc:
    print("TypeError:", exc)
class Sub(types.SimpleNamespace):
    pass
print(Sub(k=1))
def fn():
    pass
class K:
    def m(self):
        pass
print(isinstance(fn, types.FunctionType), isinstance(lambda: 0, types.LambdaType), isinstance(len, types.BuiltinFunctionType))
print(isinstance(K().m, types.MethodType), isinstance(types, types.ModuleType), isinstance(fn.__code__, types.CodeType))
print(isinstance((x for x in ()), types.GeneratorType), types.NoneType is type(None), types.EllipsisType is type(...))
print(types.FunctionType.__name__, types.GeneratorType.__name__, types.ModuleType.__name__, types.NotImplementedType.__name__)
def body(d):
    d["greet"] = lambda self: "hi " + self.name
    d["name"] = "dyn"
Dyn = types.new_class("Dyn", (object,), {}, body)
print(Dyn.__name__, Dyn().greet(), types.resolve_bases((int, str)))
Meta = type("Meta", (type,), {})
M2 = types.new_class("M2", (), {"metaclass": Meta})
print(type(M2).__name__, types.prepare_class("X", (int,))[0].__name__)
mp = types.MappingProxyType({"a": 1})
print(mp["a"], len(mp), "a" in mp, list(mp.items()), mp.get("z", 0))
try:
    mp["b"] = 2
except TypeError as exc:
    print("TypeError")
