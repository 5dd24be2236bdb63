# json with nested structures.
import json
inventory = {"store": {"books": [{"title": "A", "price": 8.95, "tags": []}, {"title": "B", "price": 12.99, "tags": ["x"]}],
                       "bicycle": {"color": "red", "price": 19.95}}, "open": True}
s = json.dumps(inventory, indent=4, sort_keys=True)
print(s)
back = json.loads(s)
print(back == inventory, sum(b["price"] for b in back["store"]["books"]))
print(json.dumps(back["store"]["books"], separators=(",", ":"), sort_keys=True))
print(json.dumps({"matrix": [[1, 2], [3, 4]], "empty": [], "obj": {}}, indent=3))
