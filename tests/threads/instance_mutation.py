# Threads update their own attributes of a shared instance and their own
# per-thread objects; each attribute ends with its exact value.
# repeat: 6
import threading

class Board:
    pass

board = Board()
mine = [None] * 5

class Own:
    def __init__(self):
        self.n = 0
        self.items = []

def worker(t):
    name = "t%d" % t
    setattr(board, name, 0)
    obj = Own()
    mine[t] = obj
    for i in range(1000):
        setattr(board, name, getattr(board, name) + 1)
        obj.n += 2
        if i % 100 == 0:
            obj.items.append(i)

threads = [threading.Thread(target=worker, args=(t,)) for t in range(5)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(sorted(vars(board).items()))
print([(o.n, len(o.items)) for o in mine])
