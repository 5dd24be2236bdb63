# OrderedDict (order-aware operations, equality, repr) and ChainMap.
from collections import OrderedDict, ChainMap
od = OrderedDict.fromkeys("abcde", 0)
od.move_to_end("a")
od.move_to_end("e", last=False)
print(list(od), od.popitem(), od.popitem(last=False), od)
print(OrderedDict([(1, "x"), (2, "y")]) == OrderedDict([(2, "y"), (1, "x")]),
      OrderedDict([(1, "x"), (2, "y")]) == {2: "y", 1: "x"},
      OrderedDict([(1, "x")]) != OrderedDict([(1, "x")]))
print(repr(OrderedDict()), OrderedDict(a=1) | {"b": 2}, {"z": 0} | OrderedDict(a=1))
o = OrderedDict(x=1)
o |= {"y": 2}
o.update([("z", 3)], w=4)
print(o, list(reversed(o)), list(o.items())[-1], o.copy() == o, type(o.copy()).__name__)
for bad in [lambda: OrderedDict().popitem(), lambda: OrderedDict().move_to_end("q")]:
    try:
        bad()
    except KeyError as exc:
        print("KeyError:", exc)
o2 = OrderedDict(b=1, a=2)
o2["c"] = 3
del o2["b"]
o2["b"] = 9
print(o2, o2.setdefault("a", 0), o2.pop("c"), o2)
base = {"color": "red", "size": 1}
override = {"color": "blue"}
cm = ChainMap(override, base)
print(cm["color"], cm["size"], len(cm), sorted(cm), "size" in cm, cm.get("nope", "dflt"))
cm["new"] = 5
del cm["color"]
print(override, base, cm["color"])
child = cm.new_child({"size": 99})
print(child["size"], child.parents["size"], child.maps[0], len(child.maps))
try:
    del cm["size"]
except KeyError as exc:
    print("KeyError:", exc)
try:
    ChainMap({}).popitem()
except KeyError as exc:
    print("KeyError:", exc)
print(ChainMap(), dict(ChainMap({1: "a"}, {1: "b", 2: "c"})), ChainMap({1: 2}) == {1: 2})
print(ChainMap({"a": 1}) | {"b": 2}, bool(ChainMap({})), bool(ChainMap({}, {1: 1})))
