# Uncaught error raised inside an except block in a function; exit 1.
def parse(s):
    try:
        return int(s)
    except ValueError:
        return undefined_fallback(s)
print(parse("12"))
print(parse("x"))
