# Exceptions with non-ASCII messages, caught and printed.
try:
    raise ValueError("Größe ungültig: ∞")
except ValueError as e:
    print(e, repr(e), e.args)
try:
    {}["ключ"]
except KeyError as e:
    print(e, repr(e))
try:
    raise Exception("絵文字 😀", "第二")
except Exception as e:
    print(e, str(e))
try:
    int("٣x")
except ValueError as e:
    print(e)
