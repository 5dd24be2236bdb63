# Ordering of strings is by code point.
words = ["zebra", "Zebra", "éclair", "eclair", "apple", "Äpfel", "ångström", "Ωmega", "日本", "😀", "_under", "1num"]
print(sorted(words))
print(sorted(words, key=str.casefold))
print(sorted(words, key=len), min(words), max(words))
print([w for w in words if w < "a"], ["b" > w for w in ["a", "ba", "c"]])
