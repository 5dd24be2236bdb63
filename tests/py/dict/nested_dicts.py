# Nested dicts and deep access.
cfg = {"db": {"host": "localhost", "ports": [5432, 5433]}, "debug": True}
print(cfg["db"]["host"], cfg["db"]["ports"][1], cfg.get("cache", {}).get("size", 0))
cfg["db"]["user"] = "admin"
cfg.setdefault("cache", {})["size"] = 10
print(cfg)
def walk(d, prefix=""):
    for k, v in d.items():
        if isinstance(v, dict):
            walk(v, prefix + k + ".")
        else:
            print(prefix + k, "=", v)
walk(cfg)
