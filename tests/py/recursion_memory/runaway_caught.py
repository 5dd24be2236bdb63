# Runaway recursion raises RecursionError, which can be caught; the program continues.
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("RecursionError caught:", str(e).startswith("maximum recursion depth exceeded"))
print(issubclass(RecursionError, RuntimeError))
def again():
    try:
        return again()
    except RecursionError:
        return "caught deep inside"
print(again())
def after():
    return "stack is usable again"
print(after())
class Loop:
    def __getattr__(self, name):
        return getattr(self, name + "x")
try:
    Loop().a
except RecursionError as e:
    print("RecursionError via __getattr__:", str(e).startswith("maximum recursion depth exceeded"))
