# KeyError str uses repr of the key; other errors use str.
for k in ["a", "", 1, (1, 2), None, "it's"]:
    try:
        {}[k]
    except KeyError as e:
        print(str(e), "|", repr(e))
print(str(KeyError("a", "b")), str(KeyError()), str(IndexError("i")))
