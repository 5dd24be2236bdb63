# bank: transfers between accounts.  One transaction per batch of transfers:
# each transfer picks two distinct accounts and an amount (from a generator
# seeded by the batch number, so no shared random state), runs a mock
# signature check (integer work), then moves the money if the source
# account holds enough, else rejects the transfer.  Accounts are objects in
# a list built before transaction.run(); a transaction conflicts with
# another only when they touch a common account, so the conflict rate grows
# as the number of accounts shrinks (--accounts).  Whether a transfer is
# rejected depends on the transfers before it, so the final balances check
# that commits follow the add order; the total must be conserved.
#
# Usage: python3 bank.py [--size tiny|quick|default] [--accounts N]
# Prints "OK bank <size> <result>" when the result matches the table below
# (sizes with their default account count, and the default size with 10,
# 100 and 10000 accounts), "UNCHECKED ..." for other account counts, else
# "CHECK FAILED: ..." on stderr, exit status 1.
# bench/js/bank.js is the JavaScript twin and prints the same line.

import sys
import transaction

# size -> (batches, transfers per batch, default account count, rounds of
# the signature check); one transaction per batch.
SIZES = {
    "tiny": (16, 5, 100, 200),
    "quick": (100, 5, 1000, 600),
    "default": (400, 5, 1000, 4500),
}

# "size accounts" -> result
EXPECTED = {
    "tiny 100":
        "accounts=100 done=64 rejected=16 "
        "moved=2759 balances=389717509 digest=607749608",
    "quick 1000":
        "accounts=1000 done=407 rejected=93 "
        "moved=20389 balances=864875251 digest=646655067",
    "default 1000":
        "accounts=1000 done=1500 rejected=500 "
        "moved=78172 balances=420696024 digest=542853787",
    "default 10":
        "accounts=10 done=1131 rejected=869 "
        "moved=55555 balances=396951769 digest=924322715",
    "default 100":
        "accounts=100 done=1213 rejected=787 "
        "moved=60168 balances=717724904 digest=588934730",
    "default 10000":
        "accounts=10000 done=1635 rejected=365 "
        "moved=82730 balances=404590569 digest=610767775",
}

MODULUS = 2147483647
INITIAL_BALANCE = 100


class Account:
    def __init__(self, number):
        self.number = number
        self.balance = INITIAL_BALANCE
        self.transfers = 0


def signature(rounds, state, src, dst, amount):
    # Stands for the costly part of a transfer; independent of any account.
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


def run(size, accounts_count):
    batches, count, _, rounds = SIZES[size]
    accounts = [Account(i) for i in range(accounts_count)]
    outcomes = [None] * batches
    for i in range(batches):
        transaction.add(transfer_batch, i, count, rounds, accounts,
                        outcomes)
    transaction.run()
    total = 0
    checksum = 0
    transfers = 0
    for acc in accounts:
        total += acc.balance
        transfers += acc.transfers
        checksum = (checksum * 131 + acc.balance) % 1000000007
    if total != INITIAL_BALANCE * accounts_count:
        return "BAD total %d" % total
    done = 0
    rejected = 0
    moved = 0
    digest = 0
    for d, r, m, g in outcomes:
        done += d
        rejected += r
        moved += m
        digest = (digest * 31 + g) % 1000000007
    if transfers != 2 * done:
        return "BAD transfer count %d" % transfers
    return "accounts=%d done=%d rejected=%d moved=%d balances=%d digest=%d" % (
        accounts_count, done, rejected, moved, checksum, digest)


def parse_args(argv):
    # Returns (size, accounts) or None on a bad command line.
    size = "default"
    accounts = None
    args = argv[1:]
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in ("--size", "--accounts") and i + 1 < len(args):
            name, value = arg[2:], args[i + 1]
            i += 2
        elif arg.startswith("--size=") or arg.startswith("--accounts="):
            name, value = arg[2:].split("=", 1)
            i += 1
        else:
            return None
        if name == "size":
            if value not in SIZES:
                return None
            size = value
        else:
            if not value.isdigit() or int(value) < 2:
                return None
            accounts = int(value)
    if accounts is None:
        accounts = SIZES[size][2]
    return size, accounts


def main(argv):
    parsed = parse_args(argv)
    if parsed is None:
        sys.stderr.write("usage: bank.py [--size tiny|quick|default] "
                         "[--accounts N (at least 2)]\n")
        return 2
    size, accounts = parsed
    result = run(size, accounts)
    expected = EXPECTED.get("%s %d" % (size, accounts))
    if expected is None:
        print("UNCHECKED bank %s %s" % (size, result))
        return 0
    if result != expected:
        sys.stderr.write("CHECK FAILED: bank %s: got %s, expected %s\n"
                         % (size, result, expected))
        return 1
    print("OK bank %s %s" % (size, result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
