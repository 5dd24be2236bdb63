# Order of events when yielding inside try/except/finally.
def g():
    print("start")
    try:
        print("before yield 1")
        yield 1
        print("after yield 1")
        yield 2
        print("after yield 2")
    except Exception as e:
        print("except", e)
    else:
        print("else")
    finally:
        print("finally")
    print("end")
for v in g():
    print("loop got", v)
