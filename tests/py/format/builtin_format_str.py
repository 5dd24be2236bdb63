# format() with strings and other objects.
print(format("abc"), format("abc", ""), format("abc", "s"), format("abc", "5"), format("abc", ".1"))
print(format(None, ""), format([1, 2]), format(True), format(True, "^6"), format(1j, "^8"))
print(format(b"x", "") if False else "bytes skipped", format(3, ""), format(2.5, ""))
for v, spec in [(None, "5"), ([1], "s"), (object, "x")]:
    try:
        format(v, spec)
    except TypeError as e:
        print("TypeError:", e)
try:
    format(1, 5)
except TypeError as e:
    print("TypeError:", e)
