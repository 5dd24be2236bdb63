# Imports inside functions bind local names; module attributes via getattr.
def use_json():
    import json
    return json.dumps({"local": True})
print(use_json())
try:
    json
except NameError as e:
    print("NameError:", e)
def lazy():
    from _mod_basic import Thing
    return Thing("lazy")
print(lazy())
import _mod_basic
print(getattr(_mod_basic, "greet")("dyn"), hasattr(_mod_basic, "nope"))
