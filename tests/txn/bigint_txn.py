# Big integers built inside transactions and combined across them (the values
# are new objects each time, shared through a list).
# repeat: 3
import transaction

facts = [1]
powers = {}

def fact(n):
    facts.append(facts[-1] * n)

def power(b):
    powers[b] = b ** (b * 20) - 1

for n in range(1, 301):
    transaction.add(fact, n)
for b in range(2, 40):
    transaction.add(power, b)
transaction.run()
f = facts[-1]
print(len(str(f)), str(f)[:30], f % 1000000007)
print(sum(len(str(v)) for v in powers.values()), powers[7] % 999983)
print(list(powers)[:5], facts[20])
