# Adding something that cannot be called is only an error when run() reaches
# it: the calls before it run, and the TypeError propagates like any other.
import transaction

out = []
transaction.add(out.append, 1)
transaction.add(42)
transaction.add(out.append, 2)
try:
    transaction.run()
except TypeError as e:
    print("TypeError:", e)
print(out)
transaction.add(len, 1, 2)
try:
    transaction.run()
except TypeError:
    print("TypeError from len")
print(out)
transaction.run()
print(out)
