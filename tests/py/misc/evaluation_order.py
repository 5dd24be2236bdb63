# Left-to-right evaluation order in expressions and statements.
log = []
def v(x):
    log.append(x)
    return x
result = v(1) + v(2) * v(3) - v(4) ** v(5)
print(result, log)
log.clear()
d = {v("k1"): v("v1"), v("k2"): v("v2")}
print(log)
log.clear()
v([0, 0])[v(1)] = v("assigned")
print(log)
log.clear()
x = [v(1), v(2)][v(0)]
print(x, log)
log.clear()
v(1) < v(2) < v(0) < v(99)
print(log)
log.clear()
a = b = v("chained")
print(log)
