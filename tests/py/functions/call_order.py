# Evaluation order of call arguments.
def t(x):
    print("eval", x)
    return x
def f(*a, **k):
    return a, k
print(f(t(1), t(2), k=t(3), *[t(4)], **{"z": t(5)}))
print(t(len)(t("arg")))
d = {}
d[t("k")] = t("v")
print(d)
print(t(1) + t(2) * t(3))
