# input() at end of empty stdin raises an uncaught EOFError: exit 1.
print("asking")
x = input("prompt> ")
print("never", x)
