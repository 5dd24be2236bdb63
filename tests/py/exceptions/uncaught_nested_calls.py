# Uncaught exception raised deep in a call chain (exit 1).
def a(n):
    if n == 0:
        raise ValueError(f"bottom reached with n={n}")
    return a(n - 1)
print("start")
a(5)
