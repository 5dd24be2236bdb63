# A generator-based state machine driven with send().
def parser():
    tokens = []
    while True:
        ch = yield
        if ch == ";":
            print("statement:", "".join(tokens).strip())
            tokens = []
        else:
            tokens.append(ch)
p = parser()
next(p)
for ch in "a = 1; b = a + 2;  print(b);":
    p.send(ch)
p.close()
def grep(pattern):
    matches = []
    try:
        while True:
            line = yield
            if pattern in line:
                matches.append(line)
    except GeneratorExit:
        print("matches:", matches)
        raise
g = grep("py")
next(g)
for l in ["python", "ruby", "pypy", "perl"]:
    g.send(l)
g.close()
