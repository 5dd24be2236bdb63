# OrderedDict specifics compared with dict.
from collections import OrderedDict
od = OrderedDict(a=1, b=2, c=3)
od.move_to_end("a")
print(od, list(od))
od.move_to_end("c", last=False)
print(list(od), od.popitem(), od.popitem(last=False), od)
x = OrderedDict([(1, 1), (2, 2)])
y = OrderedDict([(2, 2), (1, 1)])
print(x == y, dict(x) == dict(y), x == {2: 2, 1: 1})
try:
    od.move_to_end("zz")
except KeyError as e:
    print("KeyError:", e)
