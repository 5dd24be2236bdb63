# Abandoned generators: explicit close runs finally blocks.
log = []
def resource():
    log.append("open")
    try:
        for i in range(10):
            yield i
    finally:
        log.append("close")
g = resource()
for v in g:
    if v == 2:
        break
print(log)
g.close()
print(log)
def nested():
    try:
        yield from resource()
    finally:
        log.append("outer close")
n = nested()
next(n)
n.close()
print(log)
