# The first import of a module happens inside a transaction: its top-level
# code (with a print) runs once, in order, and later transactions use the same
# module object and its shared state.
import transaction

log = []

def first(i):
    log.append("before import %d" % i)
    import _mod_txn_helper
    _mod_txn_helper.bump(i)
    log.append("after import %d" % i)

def again(i):
    import _mod_txn_helper as h
    h.bump(i * 100)
    log.append(("again", i, h.total, h.loaded_count))

transaction.add(first, 1)
transaction.add(again, 2)
transaction.add(first, 3)
transaction.add(again, 4)
transaction.run()
import _mod_txn_helper
print(log)
print(_mod_txn_helper.total, _mod_txn_helper.history)
