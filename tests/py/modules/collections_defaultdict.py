# collections.defaultdict.
from collections import defaultdict
graph = defaultdict(list)
for a, b in [(1, 2), (1, 3), (2, 3), (3, 1)]:
    graph[a].append(b)
print(graph, graph[4], dict(graph), 5 in graph)
counts = defaultdict(int)
for ch in "banana":
    counts[ch] += 1
print(counts, counts.default_factory)
nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 1
nested["x"]["z"] += 2
print({k: dict(v) for k, v in nested.items()})
s = defaultdict(set)
s["k"].add(1)
s["k"].add(1)
print(dict(s), s.get("missing"), "missing" in s)
d = defaultdict(None, {"a": 1})
try:
    d["b"]
except KeyError as e:
    print("KeyError:", e)
print(repr(defaultdict(list)), defaultdict(int, a=5)["a"])
try:
    defaultdict(5)
except TypeError as e:
    print("TypeError:", e)
