# Uncaught chained exception ("During handling of the above exception...") -> exit 1.
try:
    1 / 0
except ZeroDivisionError:
    raise RuntimeError("failed while handling")
