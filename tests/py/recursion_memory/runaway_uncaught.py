# Uncaught runaway recursion: RecursionError on stderr, exit 1.
# stderr: type
def down(n):
    return down(n + 1) + 1
print("starting")
down(0)
