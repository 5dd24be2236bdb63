# Loops with empty bodies, pass, and ellipsis.
for _ in range(3):
    pass
while False:
    ...
class Empty:
    ...
def noop(*a, **k):
    pass
print(noop(1, x=2), Empty.__name__)
i = 0
while (i := i + 1) < 5:
    pass
print(i)
