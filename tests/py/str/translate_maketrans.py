# str.maketrans / str.translate.
t = str.maketrans("abc", "xyz")
print(sorted(t.items()), "aabbcc-abc".translate(t))
t2 = str.maketrans("ab", "AB", "xyz")
print("axbycz".translate(t2))
t3 = str.maketrans({"a": "1", "b": None, ord("c"): "333", "é": "e"})
print(sorted(t3.items()), "abcé".translate(t3))
print("hello".translate({ord("l"): None}), "hello".translate({104: 72}), "hello".translate({}))
class Upper:
    def __getitem__(self, k):
        if k == ord("x"):
            raise LookupError
        return chr(k).upper()
print("abxcd".translate(Upper()))
try:
    str.maketrans("abc", "xy")
except ValueError as e:
    print("ValueError:", e)
try:
    str.maketrans({"ab": "x"})
except ValueError as e:
    print("ValueError:", e)
try:
    "a".translate({97: 5})
except TypeError as e:
    print("TypeError:", e)
