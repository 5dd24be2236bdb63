# global declarations affect assignment in the function only.
x = 1
def set_x():
    global x
    x = 2
def read_x():
    return x
def local_x():
    x = 3
    return x
set_x()
print(x, read_x(), local_x(), x)
def declare_new():
    global created_later
    created_later = "made"
declare_new()
print(created_later)
def del_global():
    global created_later
    del created_later
del_global()
try:
    created_later
except NameError as e:
    print("NameError:", e)
