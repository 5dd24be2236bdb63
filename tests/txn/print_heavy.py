# Transactions that print a lot, with every form of print (sep, end, no
# newline, sys.stdout.write, long lines, non-ASCII): the stream must be the
# concatenation of their outputs in add order.
# repeat: 5
import sys
import transaction

def chatty(i):
    for k in range(25):
        print("t%d line %d" % (i, k), "x" * (k % 7), sep="|")
    print("partial", i, end=" ")
    print("rest", end="")
    sys.stdout.write(" written %d\n" % i)
    if i % 10 == 0:
        print("long", "ab" * 500)
        print("unicode: é ü ж 中 ✓ %d" % i)
    print(*range(i % 5), sep=",")

for i in range(60):
    transaction.add(chatty, i)
transaction.run()
print("end")
