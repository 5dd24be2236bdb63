# collections.OrderedDict.
from collections import OrderedDict
od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
print(od, list(od.keys()))
od.move_to_end("b")
od.move_to_end("c", last=False)
print(list(od.items()))
print(od.popitem(), od.popitem(last=False), od)
o1 = OrderedDict(a=1, b=2)
o2 = OrderedDict(b=2, a=1)
print(o1 == o2, dict(o1) == dict(o2), o1 == dict(o2), list(reversed(o1)))
print(OrderedDict.fromkeys("xyz", 0), o1 | {"c": 3})
class LRU(OrderedDict):
    def __init__(self, cap):
        super().__init__()
        self.cap = cap
    def get_item(self, k):
        self.move_to_end(k)
        return self[k]
    def put(self, k, v):
        self[k] = v
        self.move_to_end(k)
        if len(self) > self.cap:
            self.popitem(last=False)
cache = LRU(2)
cache.put("a", 1)
cache.put("b", 2)
cache.get_item("a")
cache.put("c", 3)
print(list(cache))
