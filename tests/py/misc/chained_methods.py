# Method chaining on strings and lists.
text = "  The Quick Brown Fox  "
print(text.strip().lower().replace(" ", "-").split("-"))
print("-".join(sorted(text.split(), key=str.lower)).upper().center(30, "*"))
nums = list(range(10))
print(sorted(set(x % 4 for x in nums)), len(str(sum(nums)).zfill(5)))
