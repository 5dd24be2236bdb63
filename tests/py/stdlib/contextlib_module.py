# contextlib: contextmanager, suppress, closing, nullcontext, ExitStack, ContextDecorator, redirect_stdout.
from contextlib import contextmanager, suppress, closing, nullcontext, ExitStack, ContextDecorator, redirect_stdout
@contextmanager
def tag(name, log):
    log.append("<" + name + ">")
    try:
        yield len(log)
    except ZeroDivisionError:
        log.append("handled")
    finally:
        log.append("</" + name + ">")
log = []
with tag("a", log) as n:
    with tag("b", log):
        1 / 0
print(log, n)
with suppress(KeyError, IndexError):
    {}["x"]
print("suppressed")
class Res:
    closed = False
    def close(self):
        self.closed = True
with closing(Res()) as r:
    pass
print(r.closed, nullcontext(4).__enter__())
order = []
with ExitStack() as stack:
    for i in range(3):
        stack.callback(order.append, i)
    stack.enter_context(tag("x", order))
    order.append("body")
print(order)
with ExitStack() as outer:
    inner = ExitStack()
    inner.callback(order.append, "moved")
    outer.push(inner.pop_all().close) if False else outer.enter_context(inner.pop_all())
print(order[-1])
class Announce(ContextDecorator):
    def __enter__(self):
        print("enter")
    def __exit__(self, *exc):
        print("exit", exc[0] is None)
@Announce()
def work():
    print("working")
work()
class Sink:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
sink = Sink()
with redirect_stdout(sink):
    print("captured", 1)
print("".join(sink.parts).strip())
