# Semicolons and comments.
a = 1; b = 2; c = a + b; print(c)
if a: print("one-line if"); print("second stmt")
for i in range(2): print(i); print(-i)
while a < 3: a += 1; print("a", a)
def f(): return 42
print(f())  # trailing comment
# comment line
    # indented comment line does not matter
print("# not a comment", '# nor this')
class C: x = 1; y = 2
print(C.x + C.y)
x = 5;
print(x)
