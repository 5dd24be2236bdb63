# Keyword literals and soft keywords used as names.
print(True, False, None, type(True).__name__, type(None).__name__)
match = 1
case = 2
_ = 3
print(match + case + _)
type = "shadowed type"
print(type)
del type
print(type(1).__name__)
print(True == 1, False == 0, None == 0, None == False)
