# json: dump/load with files, hooks, custom encoders, separators, errors.
import json
data = {"id": 7, "tags": ["x", "y"], "ratio": 0.25, "ok": False, "none": None, "nested": {"k": [1, 2.5, "3"]}}
with open("out.json", "w") as fh:
    json.dump(data, fh, indent=2, sort_keys=True)
with open("out.json") as fh:
    text = fh.read()
print(text)
with open("out.json") as fh:
    print(json.load(fh) == data)
print(json.dumps(data, separators=(",", ":"), sort_keys=True))
print(json.dumps([1, {"a": []}], indent="->"), json.dumps({"k": 1}, indent=0))
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
def enc(o):
    if isinstance(o, Point):
        return {"__point__": [o.x, o.y]}
    raise TypeError(f"cannot encode {type(o).__name__}")
def dec(d):
    if "__point__" in d:
        return Point(*d["__point__"])
    return d
s = json.dumps({"p": Point(1, 2), "l": [Point(3, 4)]}, default=enc)
back = json.loads(s, object_hook=dec)
print(s, back["p"].y, back["l"][0].x)
class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, (set, frozenset)):
            return sorted(o)
        return super().default(o)
print(json.dumps({"s": {3, 1, 2}}, cls=SetEncoder), SetEncoder(sort_keys=True).encode({"b": frozenset([2]), "a": 1}))
print(json.loads('{"a": 1, "b": [1, 2]}', object_pairs_hook=lambda pairs: [k for k, v in pairs]))
print(json.loads("[1, 2.50, 3e2]", parse_int=str, parse_float=lambda t: "F" + t), json.loads("NaN", parse_constant=len))
print(json.dumps("\u00e9\u4e2d\U0001f600\x01"), json.dumps("\u00e9\u4e2d", ensure_ascii=False), json.loads('"\\u00e9\\ud83d\\ude00"'))
print(json.dumps({"b": 1, "a": {"d": 2, "c": 3}}, sort_keys=True), json.dumps({3: "x", 1: "y"}, sort_keys=True))
print(json.dumps(123456789012345678901234567890), json.dumps(-1.5e-10), json.dumps(2.0 ** 60), json.dumps([True, None]))
dec_ = json.JSONDecoder()
print(dec_.raw_decode('{"a": 1} trailing'), dec_.decode("  [ ]  "))
for doc in ['{"a": 1', '[1,,2]', '{"a": tru}', '"\\ud83d', '[1, 2]]', '{"x": 1, }', "\t\n[1,\n 2,\n oops]"]:
    try:
        json.loads(doc)
    except json.JSONDecodeError as exc:
        print(repr(doc), "->", exc.msg, (exc.lineno, exc.colno, exc.pos))
for bad in [lambda: json.dumps({(1,): 2}), lambda: json.dumps(float("inf"), allow_nan=False), lambda: json.loads(None),
            lambda: json.dumps(Point(0, 0))]:
    try:
        bad()
    except (TypeError, ValueError) as exc:
        print(type(exc).__name__ + ":", exc)
print(json.dumps({(1,): 2, "ok": 1}, skipkeys=True), issubclass(json.JSONDecodeError, ValueError))
