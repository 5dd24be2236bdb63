# NameError messages for undefined, misspelled and deleted names.
try:
    undefined_thing
except NameError as e:
    print("NameError:", e)
try:
    lenn("abc")
except NameError as e:
    print("NameError:", e)
temp = 1
del temp
try:
    temp
except NameError as e:
    print("NameError:", e)
def f():
    return missing_global
try:
    f()
except NameError as e:
    print("NameError:", e, type(e).__name__)
try:
    del never_defined
except NameError as e:
    print("NameError:", e)
