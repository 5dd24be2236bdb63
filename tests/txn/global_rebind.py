# Transactions create, rebind and delete module globals; the globals dict's
# order and the final bindings follow the add order.
import transaction

def create(i):
    globals()["g_%02d" % i] = i * 3

def rebind(i):
    global total
    total = total + globals()["g_%02d" % i]

def remove(i):
    del globals()["g_%02d" % i]

total = 0
for i in range(20):
    transaction.add(create, i)
    if i % 3 == 0:
        transaction.add(rebind, i)
for i in range(0, 20, 4):
    transaction.add(remove, i)
transaction.run()
print(total)
print([k for k in globals() if k.startswith("g_")])
try:
    print(g_00)
except NameError as e:
    print("NameError:", e)
print(g_01, g_19)
