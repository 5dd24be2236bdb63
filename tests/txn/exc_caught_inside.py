# Exceptions raised and handled inside a transaction do not stop run(); the
# try/except/finally control flow inside each transaction is preserved.
# repeat: 3
import transaction

results = []

def work(i):
    try:
        try:
            if i % 3 == 0:
                raise ValueError(i)
            results.append(("ok", i))
        finally:
            results.append(("finally", i))
    except ValueError as e:
        results.append(("caught", e.args[0]))
    else:
        if i % 5 == 0:
            try:
                results.append(("div", 10 // (i - i)))
            except ZeroDivisionError:
                results.append(("zero", i))

for i in range(30):
    transaction.add(work, i)
transaction.run()
print(len(results))
for i in range(0, len(results), 6):
    print(results[i:i + 6])
