# Conflicts: a program whose transactions all collide.
#
# Each transaction first takes a ticket (increments one shared counter),
# then computes the total Collatz stopping time of its block of integers,
# then adds it to a shared sum and an order-sensitive digest.  Because the
# ticket is read and written at the very start, every transaction that ran
# beside its predecessor has read a stale ticket: at commit time the STM
# sees the conflict, rolls it back and runs it again.  Look at the STM
# figures after a run on several workers: many aborts and time lost, all on
# the ticket line.  The result is still exactly the serial one, and the
# run still takes about its serial time: aborted work is wasted, but
# nothing livelocks.
import transaction

BLOCKS = 60
WIDTH = 300

totals = {"tickets": 0, "sum": 0, "digest": 0}


def collatz_block(index):
    totals["tickets"] += 1
    ticket = totals["tickets"]
    steps = 0
    for start in range(index * WIDTH + 1, (index + 1) * WIDTH + 1):
        n = start
        while n != 1:
            if n % 2 == 0:
                n //= 2
            else:
                n = 3 * n + 1
            steps += 1
    totals["sum"] += steps
    totals["digest"] = (totals["digest"] * 31 + steps) % 1000000007
    if index % 6 == 5:
        print("block %2d got ticket %2d: %6d steps" % (index, ticket, steps))


for i in range(BLOCKS):
    transaction.add(collatz_block, i)
transaction.run()
print("count=%d steps=%d digest=%d" % (totals["tickets"], totals["sum"],
                                       totals["digest"]))
