# throw() and close() propagate into yield from delegates.
def sub():
    try:
        yield "sub1"
        yield "sub2"
    except ValueError as e:
        print("sub caught", e)
        yield "sub recovered"
    finally:
        print("sub finally")
def main():
    try:
        result = yield from sub()
    finally:
        print("main finally")
    yield "main end"
m = main()
print(next(m))
print(m.throw(ValueError("x")))
print(next(m))
print(next(m, "exhausted"))
m2 = main()
next(m2)
m2.close()
print("closed")
