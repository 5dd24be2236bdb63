# Bank: transfers between accounts; the money is conserved.
#
# One transaction per batch of transfers.  Each transfer picks two
# accounts and an amount (from a generator seeded by the batch number),
# runs a mock signature check (the costly part, touching no account), then
# moves the money if the source account holds enough, else rejects the
# transfer.  Two batches conflict only when they touch a common account:
# the STM then rolls one back and runs it again, so no update is ever lost
# and the total stays what it was.  Whether a transfer is rejected depends
# on the batches before it, so the balances also show that the commits
# follow the order of transaction.add.
import transaction

ACCOUNTS = 200
BATCHES = 120
TRANSFERS = 5
ROUNDS = 1500
INITIAL_BALANCE = 100
MODULUS = 2147483647


class Account:
    def __init__(self, number):
        self.number = number
        self.balance = INITIAL_BALANCE
        self.transfers = 0


def signature(rounds, state, src, dst, amount):
    h = state
    for k in range(rounds):
        h = (h * 31 + src * 7 + dst * 3 + amount + k) % MODULUS
    return h


def transfer_batch(index, count, rounds, accounts, outcomes):
    state = index + 1
    done = 0
    rejected = 0
    moved = 0
    digest = 0
    for _ in range(count):
        state = state * 48271 % MODULUS
        src = state % len(accounts)
        state = state * 48271 % MODULUS
        dst = (src + 1 + state % (len(accounts) - 1)) % len(accounts)
        state = state * 48271 % MODULUS
        amount = 1 + state % 120
        check = signature(rounds, state, src, dst, amount)
        digest = (digest + check) % MODULUS
        a = accounts[src]
        b = accounts[dst]
        if a.balance >= amount:
            a.balance -= amount
            b.balance += amount
            a.transfers += 1
            b.transfers += 1
            done += 1
            moved += amount
        else:
            rejected += 1
    outcomes[index] = (done, rejected, moved, digest)
    if index % 10 == 9:
        print("batch %3d: %d done, %d rejected, %3d moved" % (index, done, rejected, moved))


accounts = [Account(i) for i in range(ACCOUNTS)]
outcomes = [None] * BATCHES
print("money before:", sum(acc.balance for acc in accounts))
for i in range(BATCHES):
    transaction.add(transfer_batch, i, TRANSFERS, ROUNDS, accounts, outcomes)
transaction.run()

total = 0
checksum = 0
transfers = 0
for acc in accounts:
    total += acc.balance
    transfers += acc.transfers
    checksum = (checksum * 131 + acc.balance) % 1000000007
print("money after: ", total, "(conserved)" if total == INITIAL_BALANCE * ACCOUNTS else "(LOST!)")
done = 0
rejected = 0
moved = 0
digest = 0
for d, r, m, g in outcomes:
    done += d
    rejected += r
    moved += m
    digest = (digest * 31 + g) % 1000000007
print("transfers counted twice:", transfers == 2 * done)
print("accounts=%d done=%d rejected=%d moved=%d balances=%d digest=%d" % (
    ACCOUNTS, done, rejected, moved, checksum, digest))
