# Reading stdin through sys.stdin (see sys_stdin_read.py.in).
import sys
first = sys.stdin.readline()
print(repr(first))
rest = sys.stdin.read()
print(repr(rest))
print(repr(sys.stdin.readline()), repr(sys.stdin.read()))
