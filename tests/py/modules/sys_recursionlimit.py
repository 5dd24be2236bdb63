# get/setrecursionlimit.
import sys
old = sys.getrecursionlimit()
sys.setrecursionlimit(250)
print(sys.getrecursionlimit())
def depth(n):
    return n if n == 0 else depth(n - 1)
print(depth(150))
try:
    depth(1000)
except RecursionError as e:
    print("RecursionError:", str(e).startswith("maximum recursion depth exceeded"))
sys.setrecursionlimit(old)
print(sys.getrecursionlimit() == old, depth(800))
for bad in (0, -5):
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    sys.setrecursionlimit("100")
except TypeError as e:
    print("TypeError:", e)
