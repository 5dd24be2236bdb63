# json.dumps with indent, sort_keys, separators, ensure_ascii.
import json
data = {"name": "Ann", "age": 31, "tags": ["a", "b"], "ok": True, "none": None, "ratio": 0.5, "nested": {"z": 1, "a": [1, {"k": "v"}]}}
print(json.dumps(data))
print(json.dumps(data, sort_keys=True))
print(json.dumps(data, indent=2))
print(json.dumps(data, indent="\t", sort_keys=True))
print(json.dumps(data, separators=(",", ":")))
print(json.dumps([1, 2, [3, []], {}], indent=1))
print(json.dumps("héllo \"quoted\" \n\t\\ 😀"), json.dumps("héllo 😀", ensure_ascii=False))
print(json.dumps(1e100), json.dumps(1.0), json.dumps(-0.0), json.dumps(10 ** 30), json.dumps(3.14159), json.dumps(float("inf")), json.dumps(float("nan")))
print(json.dumps((1, 2)), json.dumps({1: "int key", 2.5: "float key", True: "bool key", None: "none key"}))
print(json.dumps([]), json.dumps({}), json.dumps(""), json.dumps([[]], indent=2), json.dumps({"a": {}}, indent=2))
