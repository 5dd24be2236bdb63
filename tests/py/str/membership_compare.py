# in, comparison and ordering of strings.
print("ell" in "hello", "" in "", "x" in "", "Hello" in "hello", "😀" in "a😀b")
print("abc" < "abd", "abc" < "ab", "" < "a", "Z" < "a", "é" > "z", "a" == "a", "a" != "A")
print(sorted(["banana", "Apple", "cherry", "apple", "Banana", "éclair", "Zebra", ""]))
print(max("hello"), min("hello"), sorted("hello"), "abc" <= "abc", "b" >= "abc")
print(sorted(["a10", "a9", "a1", "a100"]), "ß" < "ss", "日" > "本")
try:
    "a" < 1
except TypeError as e:
    print("TypeError:", e)
try:
    3 in "abc"
except TypeError as e:
    print("TypeError:", e)
