# Bank transfers from several threads with one lock per account, always taken
# in index order (no deadlock); money is conserved and every transfer counted.
# repeat: 5
import threading

N = 8
balances = [1000] * N
locks = [threading.Lock() for _ in range(N)]
count_lock = threading.Lock()
done = [0]

def teller(seed):
    x = seed
    for _ in range(400):
        x = (x * 1103515245 + 12345) % 2147483648
        a, b = x % N, (x >> 5) % N
        if a == b:
            continue
        first, second = min(a, b), max(a, b)
        with locks[first]:
            with locks[second]:
                amount = (x >> 10) % 50
                if balances[a] >= amount:
                    balances[a] -= amount
                    balances[b] += amount
        with count_lock:
            done[0] += 1

ts = [threading.Thread(target=teller, args=(s,)) for s in range(1, 6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sum(balances), done[0], min(balances) >= 0)
