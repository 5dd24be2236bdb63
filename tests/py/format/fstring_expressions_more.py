# Expressions of many kinds inside f-strings.
import math
items = ["a", "b", "c"]
print(f"{len(items)} items: {', '.join(items)}", f"{items[-1]!r}", f"{items[::-1]}")
print(f"{math.pi:.4f}", f"{math.sqrt(2):.3}", f"{2 ** 10}", f"{10 // 3} {10 % 3}", f"{not True}")
print(f"{'yes' if items else 'no'}", f"{[x.upper() for x in items]}", f"{ {x: i for i, x in enumerate(items)} }")
print(f"{(y := 5) * 2} {y}", f"{-5:+}", f"{5:+}", f"{'%s' % 'old'}", f"{'{}'.format('new')}")
class Pt:
    def __init__(self):
        self.x, self.y = 1, 2
    def __repr__(self):
        return f"Pt({self.x}, {self.y})"
p = Pt()
print(f"{p}", f"{p!r}", f"{p.x + p.y}", f"{p=}", f"{getattr(p, 'y')}")
print(f"{chr(10)!r}", f"{'a' 'b'}", f"{3:{4}}|", f"{1,2}", f"{(1, 2)}")
