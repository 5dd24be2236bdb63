# Helper module for import_in_txn.py: module-level state that the importing
# transactions mutate; the print shows when the module body runs.
print("helper module body runs")
loaded_count = 1
total = 0
history = []


def bump(n):
    global total
    total += n
    history.append(n)
