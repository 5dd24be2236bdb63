# UnboundLocalError messages in various shapes.
count = 0
def inc():
    count += 1
try:
    inc()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def cond(flag):
    if flag:
        val = 1
    print(val)
try:
    cond(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def deleted():
    v = 1
    del v
    return v
try:
    deleted()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def loop_var():
    for i in []:
        pass
    return i
try:
    loop_var()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
