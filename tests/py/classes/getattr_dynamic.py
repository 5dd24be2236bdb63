# getattr/setattr/hasattr/delattr with computed names.
class Config:
    pass
cfg = Config()
for name, val in [("host", "localhost"), ("port", 8080), ("debug", False)]:
    setattr(cfg, name, val)
print([getattr(cfg, n) for n in ("host", "port", "debug")], hasattr(cfg, "port"), vars(cfg))
delattr(cfg, "debug")
print(hasattr(cfg, "debug"), getattr(cfg, "debug", None))
try:
    getattr(cfg, 5)
except TypeError as e:
    print("TypeError:", e)
setattr(cfg, "with space", 1)
print(getattr(cfg, "with space"))
print(getattr(1, "real"), getattr("s", "upper")(), getattr([], "append").__name__)
