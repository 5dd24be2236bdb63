# json errors.
import json
bad_docs = ['{"a": 1,}', "[1, 2", "{'single': 1}", "", "tru", '{"a" 1}', "[1] extra", '"unterminated', "01", '{"a":}', "[,]", '"\\x"']
for doc in bad_docs:
    try:
        json.loads(doc)
    except json.JSONDecodeError as e:
        print(repr(doc), "->", e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError))
for obj in [{1, 2}, b"bytes", object, {(1, 2): "tuple key"}, 1 + 2j]:
    try:
        json.dumps(obj)
    except TypeError as e:
        print("TypeError:", e)
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
circular = []
circular.append(circular)
try:
    json.dumps(circular)
except ValueError as e:
    print("ValueError:", e)
