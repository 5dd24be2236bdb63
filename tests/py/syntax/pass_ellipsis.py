# pass, Ellipsis and empty bodies.
def f():
    pass
class C:
    pass
for _ in range(3):
    pass
while False:
    pass
if True:
    pass
else:
    pass
print(f(), C.__name__)
print(..., Ellipsis, ... is Ellipsis, type(...).__name__)
def g(): ...
print(g())
print(repr(Ellipsis), str(...))
