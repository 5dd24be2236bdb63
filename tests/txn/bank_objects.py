# Accounts as objects with a balance attribute and a per-account history;
# transfers are methods, and an overdraft raises inside the transaction and is
# handled there.
# repeat: 6
import transaction

class Overdraft(Exception):
    pass

class Account:
    def __init__(self, name, balance):
        self.name = name
        self.balance = balance
        self.history = []

    def withdraw(self, amount):
        if amount > self.balance:
            raise Overdraft(self.name)
        self.balance -= amount
        self.history.append(-amount)

    def deposit(self, amount):
        self.balance += amount
        self.history.append(amount)

accounts = [Account("a%d" % i, 300) for i in range(12)]
failed = []

def transfer(k, src, dst, amount):
    try:
        src.withdraw(amount)
    except Overdraft as e:
        failed.append((k, e.args[0]))
        return
    dst.deposit(amount)

seed = 7
for k in range(1200):
    seed = (seed * 1103515245 + 12345) % 2147483648
    a = accounts[seed % 12]
    b = accounts[(seed >> 8) % 12]
    transaction.add(transfer, k, a, b, (seed >> 16) % 150 + 1)
transaction.run()
print("total", sum(a.balance for a in accounts), "failed", len(failed), failed[:4])
for a in accounts:
    print(a.name, a.balance, len(a.history), sum(a.history))
