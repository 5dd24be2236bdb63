# globals() and locals().
x_global = 1
def f(a, b=2):
    c = 3
    return sorted(locals().items())
print(f(1))
print("x_global" in globals(), globals()["x_global"], globals()["__name__"])
globals()["made_dynamically"] = "yes"
print(made_dynamically)
print(sorted(k for k in locals() if not k.startswith("__"))[:3] == sorted(k for k in globals() if not k.startswith("__"))[:3])
