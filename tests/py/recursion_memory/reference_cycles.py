# Reference cycles between objects are collected; programs keep working.
class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None
made = 0
for i in range(20000):
    a = Node("a")
    b = Node("b")
    a.peer = b
    b.peer = a
    made += 2
print("made", made)
ring = [Node(str(i)) for i in range(1000)]
for i, n in enumerate(ring):
    n.peer = ring[(i + 1) % len(ring)]
walk = ring[0]
for _ in range(2500):
    walk = walk.peer
print(walk.name)
ring = None
selfref = []
for _ in range(10000):
    l = []
    l.append(l)
    selfref = l
print(len(selfref), selfref[0] is selfref)
