# sys.stdout.write / sys.stderr.write.
import sys
n = sys.stdout.write("written directly\n")
print(n)
sys.stdout.write("no newline; ")
sys.stdout.write("then newline\n")
sys.stdout.flush()
sys.stderr.write("to stderr\n")
print("after stderr")
print(sys.stdout.write("é😀\n"))
try:
    sys.stdout.write(5)
except TypeError as e:
    print("TypeError:", e)
sys.stdout.writelines(["a\n", "b\n"])
