# A transaction that raises keeps what it did before raising (the serial
# reference ran it up to the raise): its prints, its writes, and the calls it
# added, which stay queued for the next run().
import transaction

log = []
counter = {"n": 0}

def later(tag):
    log.append(tag)
    print("later", tag, counter["n"])

def failing(i):
    counter["n"] += 100
    log.append("failing%d-before" % i)
    print("failing", i, "is about to raise")
    transaction.add(later, "child-of-%d" % i)
    {}["missing-%d" % i]
    log.append("never")

def ok(i):
    counter["n"] += 1
    log.append("ok%d" % i)

transaction.add(ok, 1)
transaction.add(failing, 2)
transaction.add(ok, 3)
transaction.add(later, "queued-before")
try:
    transaction.run()
except KeyError as e:
    print("KeyError", e)
print(counter, log)
transaction.run()
print(counter, log)
