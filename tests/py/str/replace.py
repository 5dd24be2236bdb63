# str.replace.
print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "aaa".replace("a", "b", 0), "aaa".replace("a", "b", -1))
print("abc".replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x"), "".replace("a", "b"))
print("hello world".replace("o", "0"), "banana".replace("ana", "ANA"), "aaaa".replace("aa", "a"))
print("ééé".replace("é", "e"), "x😀y".replace("😀", ":)"), "abc".replace("abc", ""))
print("Mississippi".replace("ss", "SS").replace("i", "!", 2))
try:
    "a".replace("a")
except TypeError as e:
    print("TypeError:", e)
try:
    "a".replace(1, "b")
except TypeError as e:
    print("TypeError:", e)
