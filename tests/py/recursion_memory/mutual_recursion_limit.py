# Mutual recursion and recursion through special methods hit the same limit.
import sys
sys.setrecursionlimit(400)
def ping(n):
    return pong(n + 1)
def pong(n):
    return ping(n + 1)
try:
    ping(0)
except RecursionError:
    print("mutual recursion stopped")
class Deep:
    def __eq__(self, other):
        return self == other
try:
    Deep() == Deep()
except RecursionError:
    print("__eq__ recursion stopped")
def ok(n):
    return 0 if n == 0 else ok(n - 1) + 1
print(ok(300))
