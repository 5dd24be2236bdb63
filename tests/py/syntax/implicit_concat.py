# Adjacent literal concatenation.
s = ("abc"
     'def'
     """ghi""")
print(s)
print("a" "b" "c", b"x" b"y")
print(f"{1}" "2" f"{3}")
print("x" r"\y" 'z')
t = ("one "
     # a comment between parts
     "two")
print(t)
print(len("ab" "cd"))
