# __traceback__ exists on caught exceptions; with_traceback returns self.
try:
    raise ValueError("tb")
except ValueError as e:
    tb = e.__traceback__
    print(tb is not None, type(tb).__name__, tb.tb_lineno, tb.tb_next is None)
    e2 = e.with_traceback(None)
    print(e2 is e, e.__traceback__ is None)
def deep():
    raise KeyError("deep")
def mid():
    deep()
try:
    mid()
except KeyError as e:
    t = e.__traceback__
    lines = []
    while t is not None:
        lines.append(t.tb_lineno)
        t = t.tb_next
    print(lines)
