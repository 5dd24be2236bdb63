# print with sep, end, file, flush.
import sys
print()
print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep=" | ", end=" <end>\n")
print(1, 2.5, None, [1], sep=None, end=None)
print("no newline", end="")
print(" continued")
print(*range(5), sep=",")
print("to stdout", file=sys.stdout, flush=True)
print("to stderr", file=sys.stderr)
print("x", file=None)
print("")
print("tab\tsep", "multi\nline")
class S:
    def __str__(self):
        return "custom"
print(S(), [S()][0])
for bad in [{"sep": 5}, {"end": 1}, {"bogus": 1}]:
    try:
        print("x", **bad)
    except TypeError as e:
        print("TypeError:", e)
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print("into", "writer", file=w, sep="_")
print(w.parts)
try:
    print("x", file=5)
except AttributeError as e:
    print("AttributeError:", e)
