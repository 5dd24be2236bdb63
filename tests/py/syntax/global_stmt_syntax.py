# Compound statements in one-line forms and nesting.
x = 0
if x: pass
elif x == 0: print("elif branch")
else: print("else branch")
for i in range(3):
    if i == 1: continue
    print(i)
else: print("for-else")
try: 1 / 0
except ZeroDivisionError: print("caught")
finally: print("finally")
while True: break
with open("f.txt", "w") as fh: fh.write("x")
print(open("f.txt").read())
class K: pass
def fn(): return "fn"
print(fn(), K.__name__)
