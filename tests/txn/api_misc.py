# The rest of the module's surface: run() with an empty queue, getsegmentlimit(),
# time() and clock() (types and lower bounds only, never their values), and
# add() after a finished run.
import transaction

transaction.run()
transaction.run()
print("empty runs ok")
lim = transaction.getsegmentlimit()
print(type(lim).__name__, lim >= 1)
t0 = transaction.time()
c0 = transaction.clock()
stamps = []

def stamp():
    stamps.append((transaction.time(), transaction.clock()))

for _ in range(5):
    transaction.add(stamp)
transaction.run()
print(type(t0).__name__, type(c0).__name__, t0 > 1.5e9)
print(all(t >= t0 and c >= c0 for t, c in stamps))
# Not checked: that clock() grows in add order.  Transactions run concurrently,
# so a later one may read the clock first; only the serial module promises it.
for name in ("add", "run", "TransactionQueue", "atomic", "getsegmentlimit", "time", "clock"):
    print(name, hasattr(transaction, name))
transaction.add(print, "late add")
transaction.run()
