# Nested try statements and handler selection.
def classify(exc):
    try:
        try:
            raise exc
        except (KeyError, IndexError) as e:
            return "inner lookup: " + type(e).__name__
        except ArithmeticError:
            return "inner arithmetic"
    except ValueError as e:
        return "outer value: " + str(e)
    except Exception as e:
        return "outer generic: " + type(e).__name__
for exc in [KeyError("k"), IndexError(), ZeroDivisionError(), OverflowError(), ValueError("v"), TypeError(),
            UnicodeDecodeError("utf-8", b"x", 0, 1, "bad")]:
    print(classify(exc))
def first_match():
    try:
        raise KeyError("x")
    except LookupError:
        return "LookupError clause first"
    except KeyError:
        return "never reached"
print(first_match())
