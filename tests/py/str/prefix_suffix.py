# removeprefix / removesuffix.
print("test_case".removeprefix("test_"), "test_case".removeprefix("case"), "x".removeprefix(""))
print("file.py".removesuffix(".py"), "file.py".removesuffix(".txt"), "".removesuffix("a"), "aaa".removesuffix("a"))
print("ééx".removeprefix("é"), "prefix".removeprefix("prefix") == "")
try:
    "x".removeprefix(None)
except TypeError as e:
    print("TypeError:", e)
