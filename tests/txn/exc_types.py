# Different kinds of exceptions travel out of run() unchanged: builtin ones
# with their messages, a user class with attributes, chained exceptions, and
# an exception raised inside a generator running in the transaction.
import transaction

class Custom(Exception):
    def __init__(self, code, detail):
        Exception.__init__(self, code, detail)
        self.code = code
        self.detail = detail

def gen(n):
    for i in range(n):
        if i == 3:
            raise IndexError("generator stopped at %d" % i)
        yield i * i

def t_zero():
    return 1 // 0

def t_key():
    return {"a": 1}["b"]

def t_attr():
    return (1).nothing

def t_custom():
    raise Custom(42, ["list", "detail"])

def t_chain():
    try:
        int("not a number")
    except ValueError as e:
        raise LookupError("wrapped") from e

def t_gen():
    return list(gen(10))

def t_assert():
    assert 1 + 1 == 3, "arithmetic"

def t_type():
    return len(5)

for fn in (t_zero, t_key, t_attr, t_custom, t_chain, t_gen, t_assert, t_type):
    transaction.add(fn)
while True:
    try:
        transaction.run()
        print("queue empty")
        break
    except Custom as e:
        print("Custom", e.code, e.detail, e.args)
    except LookupError as e:
        cause = e.__cause__
        print(type(e).__name__, e, "cause:", type(cause).__name__ if cause else None, cause)
    except Exception as e:
        print(type(e).__name__, e)
