# json.loads of all value types.
import json
text = '{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "d\\u00e9\\n"}, "e": "\\ud83d\\ude00", "big": 123456789012345678901234567890}'
obj = json.loads(text)
print(obj)
print(type(obj["a"][1]).__name__, type(obj["big"]).__name__, obj["e"], len(obj["e"]))
print(json.loads("[]"), json.loads("{}"), json.loads('"x"'), json.loads("1"), json.loads(" 2.0 "), json.loads("null"))
print(json.loads("NaN"), json.loads("-Infinity"), json.loads('{"dup": 1, "dup": 2}'), json.loads("[1e400]"))
print(json.loads(b'{"bytes": true}'), json.loads('"\\/\\b\\f\\r\\t"'))
round_trip = {"list": [1, "two", None, {"x": [True]}], "float": 0.1, "unicode": "日本"}
print(json.loads(json.dumps(round_trip)) == round_trip)
