# A parent adds children between its own prints and state changes; the
# children see everything the parent did (they run after it), and calls queued
# before the parent ran still come before the children.
import transaction

state = {"v": 0, "trail": []}

def child(tag):
    state["trail"].append(tag)
    print("child", tag, "sees v =", state["v"])

def parent(n):
    print("parent", n, "start, v =", state["v"])
    state["v"] += 1
    transaction.add(child, "%d.first" % n)
    state["v"] += 10
    print("parent", n, "middle, v =", state["v"])
    transaction.add(child, "%d.second" % n)
    if n % 2 == 0:
        transaction.add(parent, n + 1)
    state["v"] *= 2
    print("parent", n, "end, v =", state["v"])

def plain(i):
    state["trail"].append("plain%d" % i)
    print("plain", i, "v =", state["v"])

transaction.add(parent, 0)
for i in range(3):
    transaction.add(plain, i)
transaction.add(parent, 10)
transaction.run()
print(state["v"])
print(state["trail"])
