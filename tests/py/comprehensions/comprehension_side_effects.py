# Evaluation order inside comprehensions.
def t(tag, v):
    print(tag, v)
    return v
r = [t("expr", x) for x in t("iter", [1, 2]) if t("cond", x)]
print(r)
r2 = [(t("a", a), t("b", b)) for a in t("outer", [1, 2]) for b in t("inner", [3])]
print(r2)
d = {t("key", k): t("val", k * 2) for k in [1]}
print(d)
