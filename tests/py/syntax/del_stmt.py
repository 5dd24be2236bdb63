# del of names, items, slices, attributes.
x = 1
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
lst = list(range(10))
del lst[0]
del lst[-1]
del lst[1:3]
del lst[::2]
print(lst)
d = {'a': 1, 'b': 2, 'c': 3}
del d['b']
print(d)
class C: pass
o = C()
o.attr = 5
del o.attr
print(hasattr(o, 'attr'))
a, b = 1, 2
del a, b
print('a' in dir(), 'b' in dir())
l2 = [1, 2, 3]
del (l2[0]), [l2[0]]
print(l2)
try:
    del d['zz']
except KeyError as e:
    print("KeyError:", e)
try:
    del o.nothing
except AttributeError as e:
    print("AttributeError:", e)
def g():
    y = 1
    del y
    return y
try:
    g()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
