# input() reads lines from stdin (see input_func.py.in).
name = input()
print("Hello,", name)
age = int(input("Age? "))
print("Next year:", age + 1)
rest = []
while True:
    try:
        rest.append(input())
    except EOFError:
        print("EOF reached")
        break
print(rest)
try:
    input()
except EOFError as e:
    print("EOFError:", repr(str(e)))
